/**
 * The committed snapshot (types/az) is exactly what the generator's pure part makes from it:
 * re-normalizing a file gives the same bytes (uncompressed: brotli's bytes may differ between
 * zlib builds, the text may not). Checked on the files the examples and tests use and the
 * largest ones; `npm run update-types` runs the same code over everything.
 */
import { expect } from 'chai';
import { existsSync, readFileSync } from 'node:fs';
import { brotliDecompressSync } from 'node:zlib';

const SNAPSHOT = new URL('../../../types/az/', import.meta.url);
const read = (rel: string) => brotliDecompressSync(readFileSync(new URL(rel, SNAPSHOT))).toString('utf8');

interface Normalize {
  normalizeGraph(graph: unknown): unknown;
  splitDocs(graph: unknown): { shapes: unknown; docs: unknown[] };
  joinDocs(shapes: unknown, docs: unknown[]): unknown;
  serializeGraph(graph: unknown): string;
  serializeDocs(docs: unknown[]): string;
}

const FILES = [
  'microsoft.network/2025-07-01', // examples/hello, cycles (NSG <-> subnet)
  'microsoft.storage/2025-06-01',
  'microsoft.keyvault/2024-11-01', // no docs: not a default version
  'microsoft.resources/2023-08-01', // discriminated bodies
  'microsoft.dbforpostgresql/2025-08-01',
];

describe('type snapshot (types/az)', () => {
  let n: Normalize;
  before(async () => {
    n = (await import(new URL('../../../tools/update-types/normalize.mjs', import.meta.url).href)) as Normalize;
  });

  for (const file of FILES) {
    it(`re-normalizing ${file} reproduces it byte for byte`, () => {
      const shapesText = read(`${file}.json.br`);
      const hasDocs = existsSync(new URL(`${file}.docs.json.br`, SNAPSHOT));
      const docs = hasDocs ? (JSON.parse(read(`${file}.docs.json.br`)) as unknown[]) : [];
      const shapes = JSON.parse(shapesText) as { nodes: unknown[] };
      const again = n.splitDocs(n.normalizeGraph(n.joinDocs(shapes, hasDocs ? docs : shapes.nodes.map(() => 0))));
      expect(n.serializeGraph(again.shapes)).to.equal(shapesText);
      if (hasDocs) expect(n.serializeDocs(again.docs)).to.equal(read(`${file}.docs.json.br`));
    });
  }

  it('normalizing merges equal shapes, also through cycles, and numbers nodes breadth-first from the bodies', () => {
    // Two copies of a self-referencing object (as two api-versions' files would hold) become one.
    const obj = (self: number) => ({ $type: 'ObjectType', name: 'Node', properties: { next: { type: { $ref: `#/${self}` }, flags: 0 }, v: { type: { $ref: '#/4' }, flags: 1 } } });
    const graph = {
      nodes: [obj(0), obj(1), { $type: 'StringType' }, { $type: 'StringType' }, { $type: 'IntegerType', minValue: 1 }],
      types: [
        { name: 'A.B/c', apiVersion: '2024-01-01', readableScopes: 8, writableScopes: 8, body: 1 },
        { name: 'A.B/c', apiVersion: '2023-01-01', readableScopes: 8, writableScopes: 8, body: 0 },
      ],
    };
    expect(n.serializeGraph(n.normalizeGraph(graph))).to.equal(
      '{"types":[\n' +
        '{"name":"A.B/c","apiVersion":"2023-01-01","readableScopes":8,"writableScopes":8,"body":0},\n' +
        '{"name":"A.B/c","apiVersion":"2024-01-01","readableScopes":8,"writableScopes":8,"body":0}\n' +
        '],"nodes":[\n' +
        '{"$type":"ObjectType","name":"Node","properties":{"next":{"type":{"$ref":"#/0"},"flags":0},"v":{"type":{"$ref":"#/1"},"flags":1}}},\n' +
        '{"$type":"IntegerType","minValue":1}\n' +
        ']}\n',
    );
  });

  it('every type of the lock has its default version in the snapshot, and every known version is listed', () => {
    const lock = JSON.parse(readFileSync(new URL('lock.json', SNAPSHOT), 'utf8')) as { package: string; version: string; defaults: Record<string, string> };
    const versions = JSON.parse(read('versions.json.br')) as Record<string, string[]>;
    expect(lock.package).to.equal('Azure.Bicep.Types.Az');
    expect(Object.keys(versions)).to.deep.equal(Object.keys(lock.defaults));
    expect(lock.defaults['Microsoft.Storage/storageAccounts']).to.equal('2026-09-01');
    for (const [type, version] of Object.entries(lock.defaults)) expect(versions[type], type).to.include(version);
  });
});
