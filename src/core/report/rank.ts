/**
 * Standard competition ranking ("1224"): equal scores share a rank and the next rank skips as many
 * places as were shared, so a tie never looks like one model beat the other.
 */

/** Rank of each score, higher is better: 1 + how many scores are strictly higher (10, 10, 8 → 1, 1, 3). */
export function competitionRanks(scores: readonly number[]): number[] {
  return scores.map((s) => 1 + scores.filter((other) => other > s).length);
}

/**
 * Leaderboard ranks by rating as shown (whole points): ratings that print the same share a rank,
 * which also absorbs the fit's floating-point noise between models it cannot tell apart.
 */
export function ratingRanks(rows: readonly { rating: number }[]): number[] {
  return competitionRanks(rows.map((r) => Math.round(r.rating)));
}
