/**
 * A minimal ECMA-335 (CLI metadata) reader: just enough of a .NET assembly to list its embedded
 * manifest resources and read their bytes (Partition II §22-24; PE/COFF for the file layout).
 * Azure.Bicep.Types.Az embeds its type tables this way, so no .NET runtime is needed to read them.
 */

/** Table numbers and the row layouts of every table up to ManifestResource (0x28). */
const T = {
  Module: 0x00, TypeRef: 0x01, TypeDef: 0x02, FieldPtr: 0x03, Field: 0x04, MethodPtr: 0x05, MethodDef: 0x06,
  ParamPtr: 0x07, Param: 0x08, InterfaceImpl: 0x09, MemberRef: 0x0a, Constant: 0x0b, CustomAttribute: 0x0c,
  FieldMarshal: 0x0d, DeclSecurity: 0x0e, ClassLayout: 0x0f, FieldLayout: 0x10, StandAloneSig: 0x11,
  EventMap: 0x12, EventPtr: 0x13, Event: 0x14, PropertyMap: 0x15, PropertyPtr: 0x16, Property: 0x17,
  MethodSemantics: 0x18, MethodImpl: 0x19, ModuleRef: 0x1a, TypeSpec: 0x1b, ImplMap: 0x1c, FieldRVA: 0x1d,
  EncLog: 0x1e, EncMap: 0x1f, Assembly: 0x20, AssemblyProcessor: 0x21, AssemblyOS: 0x22, AssemblyRef: 0x23,
  AssemblyRefProcessor: 0x24, AssemblyRefOS: 0x25, File: 0x26, ExportedType: 0x27, ManifestResource: 0x28,
  NestedClass: 0x29, GenericParam: 0x2a, MethodSpec: 0x2b, GenericParamConstraint: 0x2c,
};

/** Coded indexes: tag bits and the tables they may point into (II.24.2.6). */
const CODED = {
  TypeDefOrRef: [2, [T.TypeDef, T.TypeRef, T.TypeSpec]],
  HasConstant: [2, [T.Field, T.Param, T.Property]],
  HasCustomAttribute: [5, [T.MethodDef, T.Field, T.TypeRef, T.TypeDef, T.Param, T.InterfaceImpl, T.MemberRef, T.Module,
    T.DeclSecurity, T.Property, T.Event, T.StandAloneSig, T.ModuleRef, T.TypeSpec, T.Assembly, T.AssemblyRef, T.File,
    T.ExportedType, T.ManifestResource, T.GenericParam, T.GenericParamConstraint, T.MethodSpec]],
  HasFieldMarshal: [1, [T.Field, T.Param]],
  HasDeclSecurity: [2, [T.TypeDef, T.MethodDef, T.Assembly]],
  MemberRefParent: [3, [T.TypeDef, T.TypeRef, T.ModuleRef, T.MethodDef, T.TypeSpec]],
  HasSemantics: [1, [T.Event, T.Property]],
  MethodDefOrRef: [1, [T.MethodDef, T.MemberRef]],
  MemberForwarded: [1, [T.Field, T.MethodDef]],
  Implementation: [2, [T.File, T.AssemblyRef, T.ExportedType]],
  CustomAttributeType: [3, [T.MethodDef, T.MemberRef]],
  ResolutionScope: [2, [T.Module, T.ModuleRef, T.AssemblyRef, T.TypeRef]],
};

// Column kinds: a number is a fixed width; 's' string heap, 'g' guid heap, 'b' blob heap,
// ['t', table] a simple index, a CODED key a coded index.
const LAYOUT = [
  [2, 's', 'g', 'g', 'g'], // Module
  ['ResolutionScope', 's', 's'], // TypeRef
  [4, 's', 's', 'TypeDefOrRef', ['t', T.Field], ['t', T.MethodDef]], // TypeDef
  [['t', T.Field]], // FieldPtr
  [2, 's', 'b'], // Field
  [['t', T.MethodDef]], // MethodPtr
  [4, 2, 2, 's', 'b', ['t', T.Param]], // MethodDef
  [['t', T.Param]], // ParamPtr
  [2, 2, 's'], // Param
  [['t', T.TypeDef], 'TypeDefOrRef'], // InterfaceImpl
  ['MemberRefParent', 's', 'b'], // MemberRef
  [2, 'HasConstant', 'b'], // Constant
  ['HasCustomAttribute', 'CustomAttributeType', 'b'], // CustomAttribute
  ['HasFieldMarshal', 'b'], // FieldMarshal
  [2, 'HasDeclSecurity', 'b'], // DeclSecurity
  [2, 4, ['t', T.TypeDef]], // ClassLayout
  [4, ['t', T.Field]], // FieldLayout
  ['b'], // StandAloneSig
  [['t', T.TypeDef], ['t', T.Event]], // EventMap
  [['t', T.Event]], // EventPtr
  [2, 's', 'TypeDefOrRef'], // Event
  [['t', T.TypeDef], ['t', T.Property]], // PropertyMap
  [['t', T.Property]], // PropertyPtr
  [2, 's', 'b'], // Property
  [2, ['t', T.MethodDef], 'HasSemantics'], // MethodSemantics
  [['t', T.TypeDef], 'MethodDefOrRef', 'MethodDefOrRef'], // MethodImpl
  ['s'], // ModuleRef
  ['b'], // TypeSpec
  [2, 'MemberForwarded', 's', ['t', T.ModuleRef]], // ImplMap
  [4, ['t', T.Field]], // FieldRVA
  [4, 4], // EncLog
  [4], // EncMap
  [4, 2, 2, 2, 2, 4, 'b', 's', 's'], // Assembly
  [4], // AssemblyProcessor
  [4, 4, 4], // AssemblyOS
  [2, 2, 2, 2, 4, 'b', 's', 's', 'b'], // AssemblyRef
  [4, ['t', T.AssemblyRef]], // AssemblyRefProcessor
  [4, 4, 4, ['t', T.AssemblyRef]], // AssemblyRefOS
  [4, 's', 'b'], // File
  [4, 4, 's', 's', 'Implementation'], // ExportedType
  [4, 4, 's', 'Implementation'], // ManifestResource
];

/**
 * The manifest resources embedded in an assembly, in table order.
 * @param {Buffer} pe the assembly file
 * @returns {Array<{ name: string, data: Buffer }>} each resource's name and bytes (a view into `pe`)
 */
export function readManifestResources(pe) {
  if (pe.readUInt16LE(0) !== 0x5a4d) throw new Error('not a PE file (no MZ header)');
  const peOffset = pe.readUInt32LE(0x3c);
  if (pe.readUInt32LE(peOffset) !== 0x4550) throw new Error('not a PE file (no PE signature)');
  const coff = peOffset + 4;
  const sectionCount = pe.readUInt16LE(coff + 2);
  const optionalSize = pe.readUInt16LE(coff + 16);
  const optional = coff + 20;
  const magic = pe.readUInt16LE(optional);
  const directories = optional + (magic === 0x20b ? 112 : 96);
  const sections = [];
  for (let i = 0, at = optional + optionalSize; i < sectionCount; i++, at += 40) {
    sections.push({ va: pe.readUInt32LE(at + 12), size: Math.max(pe.readUInt32LE(at + 8), pe.readUInt32LE(at + 16)), raw: pe.readUInt32LE(at + 20) });
  }
  const offsetOf = (rva) => {
    const s = sections.find((x) => rva >= x.va && rva < x.va + x.size);
    if (!s) throw new Error(`RVA 0x${rva.toString(16)} is in no section`);
    return rva - s.va + s.raw;
  };
  const cli = offsetOf(pe.readUInt32LE(directories + 14 * 8));
  const metadata = offsetOf(pe.readUInt32LE(cli + 8));
  const resourcesBase = offsetOf(pe.readUInt32LE(cli + 24));

  if (pe.readUInt32LE(metadata) !== 0x424a5342) throw new Error('no CLI metadata signature');
  const versionLength = pe.readUInt32LE(metadata + 12);
  let at = metadata + 16 + versionLength;
  const streamCount = pe.readUInt16LE(at + 2);
  at += 4;
  const streams = {};
  for (let i = 0; i < streamCount; i++) {
    const offset = pe.readUInt32LE(at);
    const size = pe.readUInt32LE(at + 4);
    let end = at + 8;
    while (pe[end] !== 0) end++;
    const name = pe.toString('ascii', at + 8, end);
    streams[name] = { start: metadata + offset, size };
    at = (end + 4) & ~3;
  }
  const tables = streams['#~'] ?? streams['#-'];
  const strings = streams['#Strings'];
  if (!tables || !strings) throw new Error('metadata lacks the #~ or #Strings stream');

  const heapSizes = pe[tables.start + 6];
  const valid = pe.readBigUInt64LE(tables.start + 8);
  const rows = new Array(64).fill(0);
  at = tables.start + 24;
  for (let t = 0; t < 64; t++) {
    if ((valid >> BigInt(t)) & 1n) { rows[t] = pe.readUInt32LE(at); at += 4; }
  }
  if (heapSizes & 0x40) at += 4; // extra data
  const width = (kind) => {
    if (typeof kind === 'number') return kind;
    if (kind === 's') return heapSizes & 1 ? 4 : 2;
    if (kind === 'g') return heapSizes & 2 ? 4 : 2;
    if (kind === 'b') return heapSizes & 4 ? 4 : 2;
    if (Array.isArray(kind)) return rows[kind[1]] < 0x10000 ? 2 : 4;
    const [bits, targets] = CODED[kind];
    return Math.max(...targets.map((t) => rows[t])) < 2 ** (16 - bits) ? 2 : 4;
  };
  const rowWidths = LAYOUT.map((columns) => columns.map(width));
  for (let t = 0; t < T.ManifestResource; t++) at += rows[t] * rowWidths[t].reduce((a, b) => a + b, 0);

  const read = (offset, w) => (w === 2 ? pe.readUInt16LE(offset) : pe.readUInt32LE(offset));
  const stringAt = (index) => {
    let end = strings.start + index;
    while (pe[end] !== 0) end++;
    return pe.toString('utf8', strings.start + index, end);
  };
  const [wOffset, wFlags, wName, wImpl] = rowWidths[T.ManifestResource];
  const resources = [];
  for (let i = 0; i < rows[T.ManifestResource]; i++) {
    const offset = pe.readUInt32LE(at);
    const name = stringAt(read(at + wOffset + wFlags, wName));
    const implementation = read(at + wOffset + wFlags + wName, wImpl);
    at += wOffset + wFlags + wName + wImpl;
    if (implementation !== 0) continue; // in another file or assembly
    const start = resourcesBase + offset;
    const length = pe.readUInt32LE(start);
    resources.push({ name, data: pe.subarray(start + 4, start + 4 + length) });
  }
  return resources;
}
