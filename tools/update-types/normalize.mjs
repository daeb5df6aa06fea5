/**
 * The pure part of `npm run update-types`: from Bicep type tables to the committed snapshot.
 * Everything here is a function of its input (no files, no clock), so running it again on the
 * snapshot it wrote gives the same bytes (test/validate/snapshot.test.ts checks that).
 *
 * A graph is `{ nodes, types }`: `nodes` are Bicep type nodes whose links are `{ "$ref": "#/N" }`
 * into the same array; `types` are resource types `{ name, apiVersion, readableScopes,
 * writableScopes, body }` with `body` a node index. Normalizing keeps what validation and the
 * L1 generator need, merges every pair of nodes that describe the same shape (also across api
 * versions and through cycles), and numbers the nodes in a fixed order.
 */

/** Scope bits of a resource type: Tenant 1, ManagementGroup 2, Subscription 4, ResourceGroup 8, Extension 16. */
export const ALL_SCOPES = 31;

/** Node fields kept, in the order they are written (after `$type`); descriptions are optional. */
const FIELDS = ['name', 'discriminator', 'value', 'sensitive', 'minLength', 'maxLength', 'pattern', 'minValue', 'maxValue', 'itemType', 'baseProperties', 'properties', 'additionalProperties', 'elements'];

/** The ref target of a `{ "$ref": "#/N" }` link (numbers only: links into other files are resolved by the reader). */
export function refIndex(ref) {
  const m = /^#\/(\d+)$/.exec(ref.$ref);
  if (!m) throw new Error(`unexpected link ${JSON.stringify(ref)}`);
  return Number(m[1]);
}

/**
 * A ResourceType node's scopes in the modern form. The legacy form (`scopeType`, `readOnlyScopes`,
 * `flags`) is converted as bicep-types-az did: scopeType 0 means all; writable = scopeType minus
 * readOnlyScopes, none when the ReadOnly flag (1) is set.
 */
export function scopesOf(node) {
  if (node.readableScopes !== undefined || node.writableScopes !== undefined) {
    return { readableScopes: node.readableScopes ?? 0, writableScopes: node.writableScopes ?? 0 };
  }
  const all = node.scopeType === undefined || node.scopeType === 0 ? ALL_SCOPES : node.scopeType;
  const readOnly = node.readOnlyScopes ?? 0;
  return { readableScopes: all, writableScopes: (node.flags ?? 0) & 1 ? 0 : all & ~readOnly };
}

/** The links out of a node, in the order they are written. */
function linksOf(node) {
  const out = [];
  const props = (map) => { for (const k of Object.keys(map)) out.push(map[k].type); };
  if (node.itemType) out.push(node.itemType);
  if (node.baseProperties) props(node.baseProperties);
  if (node.properties) props(node.properties);
  if (node.additionalProperties) out.push(node.additionalProperties);
  if (node.elements) for (const e of Array.isArray(node.elements) ? node.elements : Object.values(node.elements)) out.push(e);
  return out;
}

/**
 * A node as written, with `link(ref)` giving the written form of each link; fields outside
 * FIELDS (Bicep's ResourceFunctionType details, legacy leftovers) are dropped.
 */
function rewrite(node, link, descriptions) {
  const out = { $type: node.$type };
  const props = (map) => {
    const o = {};
    for (const k of Object.keys(map)) {
      const p = map[k];
      o[k] = { type: link(p.type), flags: p.flags ?? 0 };
      if (descriptions && p.description !== undefined) o[k].description = p.description;
    }
    return o;
  };
  for (const f of FIELDS) {
    const v = node[f];
    if (v === undefined) continue;
    if (f === 'itemType' || f === 'additionalProperties') out[f] = link(v);
    else if (f === 'baseProperties' || f === 'properties') out[f] = props(v);
    else if (f === 'elements') {
      if (Array.isArray(v)) out[f] = v.map(link);
      else { out[f] = {}; for (const k of Object.keys(v)) out[f][k] = link(v[k]); }
    } else out[f] = v;
  }
  return out;
}

/**
 * Normalizes a graph (see the file comment).
 * @param {{ nodes: object[], types: Array<{ name: string, apiVersion: string, readableScopes: number, writableScopes: number, body: number }> }} graph
 * @param {{ descriptions?: boolean }} [options] keep property descriptions (default true)
 * @returns {{ nodes: object[], types: object[] }} types sorted by lower-case name then api-version
 */
export function normalizeGraph(graph, options = {}) {
  const descriptions = options.descriptions ?? true;
  const types = [...graph.types].sort((a, b) => cmp(a.name.toLowerCase(), b.name.toLowerCase()) || cmp(a.apiVersion, b.apiVersion) || cmp(a.name, b.name));
  // Reachable nodes, their shapes (links blanked) and successors.
  const index = new Map(); // old index -> dense id
  const order = [];
  const stack = types.map((t) => t.body).reverse();
  while (stack.length) {
    const n = stack.pop();
    if (index.has(n)) continue;
    index.set(n, order.length);
    order.push(n);
    const node = graph.nodes[n];
    if (!node) throw new Error(`link to missing node #/${n}`);
    for (const l of linksOf(node).reverse()) stack.push(refIndex(l));
  }
  const succ = order.map((n) => linksOf(graph.nodes[n]).map((l) => index.get(refIndex(l))));
  const shapes = new Map();
  let cls = order.map((n) => intern(shapes, JSON.stringify(rewrite(graph.nodes[n], () => 0, descriptions))));
  // Moore's partition refinement: nodes stay together while their shapes and successors' classes agree.
  for (let count = shapes.size; ;) {
    const keys = new Map();
    const next = cls.map((c, i) => intern(keys, `${c}|${succ[i].map((s) => cls[s]).join(',')}`));
    cls = next;
    if (keys.size === count) break;
    count = keys.size;
  }
  // Number classes breadth-first from the bodies, in type order.
  const number = new Map(); // class -> new index
  const representative = [];
  const queue = [];
  const visit = (dense) => {
    const c = cls[dense];
    if (!number.has(c)) { number.set(c, representative.length); representative.push(dense); queue.push(dense); }
    return number.get(c);
  };
  const outTypes = types.map((t) => ({ name: t.name, apiVersion: t.apiVersion, readableScopes: t.readableScopes, writableScopes: t.writableScopes, body: visit(index.get(t.body)) }));
  for (let q = 0; q < queue.length; q++) for (const s of succ[queue[q]]) visit(s);
  const nodes = representative.map((dense) => rewrite(graph.nodes[order[dense]], (ref) => ({ $ref: `#/${number.get(cls[index.get(refIndex(ref))])}` }), descriptions));
  return { nodes, types: outTypes };
}

function intern(map, key) {
  let id = map.get(key);
  if (id === undefined) { id = map.size; map.set(key, id); }
  return id;
}

/** Ordinal string comparison (locale-free, so the order is the same everywhere). */
export function cmp(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The default api-version of a type: the lock's choice while it is still published, else the
 * newest stable version, else the newest preview. Versions are `YYYY-MM-DD[-suffix]`.
 */
export function pickDefault(versions, locked) {
  if (locked !== undefined && versions.includes(locked)) return locked;
  const sorted = [...versions].sort(compareApiVersions);
  const stable = sorted.filter(isStable);
  return (stable.length ? stable : sorted).at(-1);
}

/** A stable api-version has no suffix after the date. */
export function isStable(version) {
  return /^\d{4}-\d{2}-\d{2}$/.test(version);
}

/** Orders api-versions by date, `X` before `X-preview`. */
export function compareApiVersions(a, b) {
  return cmp(a.slice(0, 10), b.slice(0, 10)) || cmp(a.length, b.length) || cmp(a, b);
}

/** The snapshot text of one graph: one node per line, so a diff of the uncompressed text is readable. */
export function serializeGraph(graph) {
  return `{"types":[\n${graph.types.map((t) => JSON.stringify(t)).join(',\n')}\n],"nodes":[\n${graph.nodes.map((n) => JSON.stringify(n)).join(',\n')}\n]}\n`;
}

/**
 * Splits property descriptions out of a normalized graph: validation loads only the shapes, the
 * L1 generator joins the two. `docs[i]` holds node i's property descriptions, or 0 when it has none.
 */
export function splitDocs(graph) {
  const docs = [];
  const nodes = graph.nodes.map((node) => {
    let own = 0;
    const strip = (map) => {
      const out = {};
      for (const k of Object.keys(map)) {
        const { description, ...rest } = map[k];
        if (description !== undefined) (own ||= {})[k] = description;
        out[k] = rest;
      }
      return out;
    };
    const copy = { ...node };
    if (node.baseProperties) copy.baseProperties = strip(node.baseProperties);
    if (node.properties) copy.properties = strip(node.properties);
    docs.push(own);
    return copy;
  });
  return { shapes: { types: graph.types, nodes }, docs };
}

/** The inverse of splitDocs. */
export function joinDocs(shapes, docs) {
  const nodes = shapes.nodes.map((node, i) => {
    const own = docs[i];
    if (!own) return node;
    const put = (map) => {
      const out = {};
      for (const k of Object.keys(map)) out[k] = own[k] !== undefined ? { ...map[k], description: own[k] } : map[k];
      return out;
    };
    const copy = { ...node };
    if (node.baseProperties) copy.baseProperties = put(node.baseProperties);
    if (node.properties) copy.properties = put(node.properties);
    return copy;
  });
  return { types: shapes.types, nodes };
}

/** The docs text: one node's descriptions per line. */
export function serializeDocs(docs) {
  return `[\n${docs.map((d) => JSON.stringify(d)).join(',\n')}\n]\n`;
}
