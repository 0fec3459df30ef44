/** Choosing the two anonymous contestants of a blind comparison. */

/**
 * Two different models drawn uniformly from `pool` (duplicates count once), in random order so
 * neither side is favoured: the first is shown as "Model A". Null when fewer than two differ.
 * `random` returns [0, 1) like Math.random.
 */
export function pickBlindPair(
  pool: readonly string[],
  random: () => number = Math.random,
): [string, string] | null {
  const ids = [...new Set(pool)];
  if (ids.length < 2) return null;
  const i = Math.floor(random() * ids.length);
  // Draw the second from the others so the pair is uniform over unordered pairs and both orders.
  let j = Math.floor(random() * (ids.length - 1));
  if (j >= i) j++;
  return [ids[i]!, ids[j]!];
}
