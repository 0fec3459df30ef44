// Freezes the built-ins before the answer runs, as Hardened JavaScript's lockdown() does, so the
// tests compare with the real JSON.stringify, Object.is and Array.prototype, not the answer's.
// Inlined into run-tests.js (see program.ts).
//
// Every object reachable from `roots` (own properties, getters, setters, prototypes) becomes
// non-extensible with non-configurable properties. Writable data properties turn into accessors:
// the getter returns the original; the setter reports an attempt to replace it on the object
// itself as tampering (and changes nothing), while an assignment on an object that merely
// inherits the property still gives that object its own (`Foo.prototype.toString = …` keeps
// working, which plain freezing would silently break).
//
// `globals` are names of `globalThis` to lock the same way (the global object itself stays open:
// answers may declare globals). Objects of other realms are left alone.
export default function lockdown(roots, globals, onTamper) {
  const global = globalThis;
  const ownKeys = Reflect.ownKeys;
  const getPrototypeOf = Object.getPrototypeOf;
  const describe = Object.getOwnPropertyDescriptor;
  const define = Object.defineProperty;
  const preventExtensions = Object.preventExtensions;
  const hasOwn = Object.prototype.hasOwnProperty;
  const apply = Reflect.apply;

  const isObject = (v) => (typeof v === "object" && v !== null) || typeof v === "function";
  const ownObjectPrototype = Object.prototype;

  // Only this realm's objects: a host may hand in another realm's (node:vm's console), and
  // freezing those would freeze the host itself. Null-prototype objects count as ours (they are
  // reached only through our own, like Array.prototype[Symbol.unscopables]).
  function ofThisRealm(object) {
    let last = object;
    for (let p = getPrototypeOf(object); p !== null; p = getPrototypeOf(p)) last = p;
    return last === ownObjectPrototype || last === object;
  }

  function keyName(path, key) {
    if (typeof key === "symbol") return `${path}[${key.description ?? "symbol"}]`;
    return path === "" ? key : `${path}.${key}`;
  }

  // Breadth first, so each object is named by its shortest path ("Array.prototype.map").
  const paths = new Map();
  const queue = [];
  function visit(value, path) {
    if (!isObject(value) || value === global || paths.has(value) || !ofThisRealm(value)) return;
    paths.set(value, path);
    queue.push(value);
  }
  for (const [path, value] of roots) visit(value, path);
  // "Function.prototype", not "Object.getPrototypeOf(Object)": name the roots' prototypes first.
  for (const [path, value] of roots) {
    const d = isObject(value) ? describe(value, "prototype") : undefined;
    if (d !== undefined && hasOwn.call(d, "value")) visit(d.value, `${path}.prototype`);
  }
  for (let i = 0; i < queue.length; i++) {
    const object = queue[i];
    const path = paths.get(object);
    for (const key of ownKeys(object)) {
      const d = describe(object, key);
      if (d === undefined) continue;
      const name = keyName(path, key);
      if (hasOwn.call(d, "value")) visit(d.value, name);
      visit(d.get, name);
      visit(d.set, name);
    }
    visit(getPrototypeOf(object), `Object.getPrototypeOf(${path})`);
  }

  // `always`: every assignment is tampering (nothing inherits from the global object, and a host
  // like node:vm calls the setter with its own receiver).
  function lock(object, key, name, always) {
    const d = describe(object, key);
    if (d === undefined) return;
    if (!hasOwn.call(d, "value") || !d.writable) {
      if (d.configurable) define(object, key, { configurable: false });
      return;
    }
    if (!d.configurable) {
      define(object, key, { writable: false });
      return;
    }
    const value = d.value;
    define(object, key, {
      get: () => value,
      set(replacement) {
        if (always || this === object) {
          onTamper(`${name} was replaced`);
          return;
        }
        if (isObject(this)) {
          define(this, key, {
            value: replacement,
            writable: true,
            enumerable: true,
            configurable: true,
          });
        }
      },
      enumerable: d.enumerable,
      configurable: false,
    });
  }

  for (const object of queue) {
    const path = paths.get(object);
    for (const key of ownKeys(object)) lock(object, key, keyName(path, key), false);
    preventExtensions(object);
  }
  for (const name of globals) {
    if (apply(hasOwn, global, [name])) {
      lock(global, name, name, true);
    } else if (name in global) {
      // Inherited (a worker's setTimeout lives on its scope's prototype): shadow it, locked.
      const value = global[name];
      define(global, name, {
        get: () => value,
        set: () => onTamper(`${name} was replaced`),
        enumerable: false,
        configurable: false,
      });
    }
  }
}
