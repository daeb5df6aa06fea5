/**
 * Parameters: every --parameters form, type conversion, errors, prompting on a terminal, and
 * secure values kept out of every line printed and file written.
 */
import { expect } from 'chai';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parametersForStack, parseParameterArgs } from '../../lib/deploy/parameters.js';
import { ArmEndpoint } from '../support/arm-endpoint.js';
import { deploy, deployFixture, filesUnder, ioFor, SUBSCRIPTION } from '../support/deploy-cli.js';
import { dbApp } from './apps.js';

const SECRET = 'S3cr3t-P@ss-xyz';

describe('azcdk deploy: parameters', () => {
  const fx = deployFixture({ app: dbApp, group: true });
  let endpoint: ArmEndpoint;
  let dir: string;
  let out: string;
  beforeEach(() => ({ endpoint, dir, out } = fx));

  /** The parameters the deployment PUT carried. */
  const sentParameters = () => {
    const put = endpoint.requests.find((r) => r.method === 'PUT' && /\/deployments\//i.test(r.path));
    return JSON.parse(put!.body).properties.parameters;
  };

  it('takes k=v, k=@file, k=@env:VAR and @params.json, converting to the template types; later ones win', async () => {
    writeFileSync(join(dir, 'password.txt'), `${SECRET}\n`);
    writeFileSync(join(dir, 'params.json'), JSON.stringify({
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#', contentVersion: '1.0.0.0',
      parameters: { administratorLogin: { value: 'fromfile' }, storageSizeGB: { value: 64 } },
    }));
    const io = ioFor(endpoint, dir, { env: { HA: 'true' } });
    const code = await deploy(endpoint, out, ['--yes', '-p', '@params.json', 'administratorLoginPassword=@password.txt', 'highAvailability=@env:HA', 'storageSizeGB=128'], io);
    expect(code, io.text()).to.equal(0);
    expect(sentParameters()).to.deep.equal({
      administratorLogin: { value: 'fromfile' },
      administratorLoginPassword: { value: SECRET }, // one trailing newline of the file dropped
      highAvailability: { value: true },
      storageSizeGB: { value: 128 },
    });
    expect(io.text()).to.contain('parameters: administratorLogin="fromfile", storageSizeGB=128, administratorLoginPassword=(secure), highAvailability=true');
  });

  it('refuses an empty or very short securestring from any source (exit 2, nothing sent), as an empty prompt answer is', async () => {
    const cases: Array<[string[], Record<string, string>, string]> = [
      [['administratorLoginPassword=@env:EMPTY'], { EMPTY: '' }, "--parameters administratorLoginPassword=@env:EMPTY: secure parameter 'administratorLoginPassword' is empty. Give it a value; nothing was deployed."],
      [['administratorLoginPassword='], {}, "--parameters administratorLoginPassword=...: secure parameter 'administratorLoginPassword' is empty."],
      [['administratorLoginPassword=a'], {}, "--parameters administratorLoginPassword=...: secure parameter 'administratorLoginPassword' has only 1 character; azcdk needs at least 4 to keep a secret out of its output without garbling other text (Azure's password rules ask for 8 or more anyway)."],
    ];
    for (const [args, env, message] of cases) {
      const io = ioFor(endpoint, dir, { env });
      expect(await deploy(endpoint, out, ['--yes', '-p', 'administratorLogin=pgadmin', ...args], io), io.text()).to.equal(2);
      expect(io.text()).to.contain(message);
      expect(io.text()).to.not.contain('priv***');
    }
    const prompted = ioFor(endpoint, dir, { interactive: true, answers: ['pgadmin'], secrets: ['ab'] });
    expect(await deploy(endpoint, out, ['--yes'], prompted)).to.equal(2);
    expect(prompted.text()).to.contain("Db: the answer for 'administratorLoginPassword': secure parameter 'administratorLoginPassword' has only 2 characters;");
    expect(endpoint.requests).to.have.length(0);
  });

  it('names the flag and the file when -p NAME=@PATH or @PATH is a folder (exit 2, no stack trace)', async () => {
    for (const arg of ['administratorLoginPassword=@.', '@.']) {
      const io = ioFor(endpoint, dir);
      expect(await deploy(endpoint, out, ['--yes', '-p', arg], io)).to.equal(2);
      expect(io.text()).to.contain(`--parameters ${arg}: ${dir} is a folder, not a file. Name the file that holds the value.`);
      expect(io.text()).to.not.contain('EISDIR');
    }
  });

  it('keeps secure values out of stdout, stderr and every file written, even when Azure echoes them back', async () => {
    const io = ioFor(endpoint, dir, { env: { PG_PASSWORD: SECRET } });
    const code = await deploy(endpoint, out, ['--yes', '-p', 'administratorLogin=pgadmin', 'administratorLoginPassword=@env:PG_PASSWORD', '--outputs-file', 'o/outputs.json', '--what-if-json', 'o/what-if.json'], io);
    expect(code, io.text()).to.equal(0);
    // The endpoint's what-if returns the evaluated properties, password included: masked where the template puts it.
    const whatIf = readFileSync(join(dir, 'o/what-if.json'), 'utf8');
    expect(whatIf).to.contain('"administratorLoginPassword": "(secure)"');
    // A value longer than maxLength: ARM quotes it in its error. The CLI must not.
    const tooLong = `${SECRET}-far-too-long-for-20`;
    const failing = ioFor(endpoint, dir, { env: { PG_PASSWORD: tooLong } });
    expect(await deploy(endpoint, out, ['--yes', '-p', 'administratorLogin=pgadmin', 'administratorLoginPassword=@env:PG_PASSWORD'], failing)).to.equal(1);
    expect(failing.text()).to.contain("The provided value '***' for the template parameter 'administratorLoginPassword' is not valid.");
    expect(endpoint.requests.some((r) => r.status === 400 && r.body.includes(tooLong))).to.equal(true); // it did go to ARM
    for (const text of [io.text(), failing.text(), ...filesUnder(dir).map((f) => f.text)]) {
      expect(text).to.not.contain(SECRET);
    }
    // The secret reached ARM where it belongs: in the deployment body.
    expect(sentParameters().administratorLoginPassword).to.deep.equal({ value: SECRET });
  });

  it('warns when a secure value is typed on the command line, and points to @env:VAR, @FILE or the prompt', async () => {
    const inline = ioFor(endpoint, dir);
    expect(await deploy(endpoint, out, ['--yes', '-p', 'administratorLogin=pgadmin', `administratorLoginPassword=${SECRET}`], inline), inline.text()).to.equal(0);
    expect(inline.stderr).to.include(
      "warning: --parameters administratorLoginPassword=...: the value of secure parameter 'administratorLoginPassword' was typed on the command line, where your shell's history keeps it " +
        "(and npm's debug logs when run through npx). Pass it as administratorLoginPassword=@env:VAR or administratorLoginPassword=@FILE, or leave it out to be asked for it on a terminal without echo.",
    );
    expect(inline.text()).to.not.contain(SECRET);
    // Not for a plain parameter typed inline, nor for a secure one from the environment.
    const fromEnv = ioFor(endpoint, dir, { env: { PG_PASSWORD: SECRET } });
    expect(await deploy(endpoint, out, ['--yes', '-p', 'administratorLogin=pgadmin', 'administratorLoginPassword=@env:PG_PASSWORD'], fromEnv), fromEnv.text()).to.equal(0);
    expect(fromEnv.stderr.filter((l) => l.startsWith('warning:'))).to.deep.equal([]);
  });

  it('masks values Azure derives from a secret (lower/upper case, base64, base64 inside a longer text) in its errors and in what-if, printed and written', async () => {
    const derived = [SECRET.toLowerCase(), SECRET.toUpperCase(), Buffer.from(SECRET).toString('base64'), Buffer.from(`pgadmin:${SECRET}`).toString('base64'), encodeURIComponent(SECRET)];
    // What-if compares with the server as Azure stores it: a property Azure derived from the password, under a name that does not look secret.
    const serverId = `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg/providers/Microsoft.DBforPostgreSQL/flexibleServers/pg-pgadmin`;
    endpoint.seedResource({ id: serverId, type: 'Microsoft.DBforPostgreSQL/flexibleServers', name: 'pg-pgadmin', apiVersion: '2024-08-01', location: 'westeurope', properties: { note: derived[2], hint: derived[0] } });
    endpoint.failResource('pg-pgadmin', { code: 'InvalidPassword', message: `The password '${derived[1]}' (sent as ${derived[3]}, ${derived[4]}) does not meet the policy.` });
    const io = ioFor(endpoint, dir, { env: { PG_PASSWORD: SECRET } });
    const code = await deploy(endpoint, out, ['--yes', '-p', 'administratorLogin=pgadmin', 'administratorLoginPassword=@env:PG_PASSWORD', '--what-if-json', 'what-if.json'], io);
    expect(code).to.equal(1);
    // Inside a longer base64 text, the characters that neighbouring bytes also decide stay (at most 2 bytes at each end).
    expect(io.text(), io.text()).to.contain("InvalidPassword: The password '***' (sent as cGdhZG1pbjpT***eXo=, ***) does not meet the policy.");
    expect(io.text()).to.match(/- properties\.note: "\*\*\*"/);
    const files = filesUnder(dir).filter((f) => !f.file.startsWith(out));
    expect(files.map((f) => f.file)).to.include(join(dir, 'what-if.json'));
    for (const text of [io.text(), ...files.map((f) => f.text)]) for (const form of [SECRET, ...derived]) expect(text).to.not.contain(form);
  });

  it('asks for missing parameters on a terminal, the secure one without echo', async () => {
    const io = ioFor(endpoint, dir, { interactive: true, answers: ['pgadmin'], secrets: [SECRET] });
    expect(await deploy(endpoint, out, ['--yes'], io), io.text()).to.equal(0);
    expect(io.questions).to.deep.equal([
      "Db: value for string parameter 'administratorLogin': ",
      "Db: value for securestring parameter 'administratorLoginPassword': ",
    ]);
    expect(sentParameters().administratorLoginPassword).to.deep.equal({ value: SECRET });
    expect(io.text()).to.not.contain(SECRET);
  });

  it('fails clearly for missing parameters without a terminal, before calling Azure', async () => {
    const io = ioFor(endpoint, dir);
    expect(await deploy(endpoint, out, ['--yes'], io)).to.equal(2);
    expect(io.text()).to.contain("Stack Db needs parameters 'administratorLogin', 'administratorLoginPassword' (no default). Pass --parameters administratorLogin=VALUE administratorLoginPassword=@env:VAR.");
    expect(endpoint.requests).to.have.length(0);
  });

  const usageErrors: Array<[string, string[], Record<string, string>, string]> = [
    ['an unset environment variable', ['administratorLoginPassword=@env:NOPE'], {}, '--parameters administratorLoginPassword=@env:NOPE: environment variable NOPE is not set.'],
    ['a missing file', ['administratorLogin=@nope.txt'], {}, 'administratorLogin=@nope.txt: file '],
    ['a missing parameters file', ['@nope.json'], {}, '--parameters @nope.json: file '],
    ['an unknown parameter', ['colour=blue'], {}, "--parameters 'colour': no selected stack has this parameter. Parameters: administratorLogin, administratorLoginPassword, highAvailability, location, storageSizeGB."],
    ['a bad int', ['storageSizeGB=lots'], {}, "parameter 'storageSizeGB' is an int; 'lots' is not an integer."],
    ['a bad bool', ['highAvailability=maybe'], {}, "parameter 'highAvailability' is a bool; use true or false, not 'maybe'."],
    ['an argument without =, not echoed', [SECRET], {}, '--parameters argument 1 is not NAME=VALUE, NAME=@FILE, NAME=@env:VAR or @FILE.json.'],
  ];
  for (const [what, params, env, message] of usageErrors) {
    it(`exits 2 on ${what}`, async () => {
      const io = ioFor(endpoint, dir, { env });
      expect(await deploy(endpoint, out, ['--yes', '-p', ...params], io)).to.equal(2);
      expect(io.text()).to.contain(message);
      expect(io.text()).to.not.contain(SECRET);
      expect(endpoint.requests).to.have.length(0);
    });
  }

  it('checks JSON types against the template before anything is sent: a parameters file, the synthesized parameters file (exit 2, the parameter named)', async () => {
    writeFileSync(join(dir, 'typed.json'), JSON.stringify({ administratorLogin: { value: 'pgadmin' }, storageSizeGB: { value: '128' } }));
    const io = ioFor(endpoint, dir, { env: { PG_PASSWORD: SECRET } });
    expect(await deploy(endpoint, out, ['--yes', '-p', '@typed.json', 'administratorLoginPassword=@env:PG_PASSWORD'], io)).to.equal(2);
    expect(io.stderr.join('\n'), io.text()).to.contain(
      `--parameters @typed.json: parameter 'storageSizeGB' is an int, so its value must be a JSON integer; it is a string ("128"). Write it like "storageSizeGB": {"value": 128}; nothing was deployed.`,
    );
    // A secure value's type is named, never the value.
    writeFileSync(join(dir, 'secure.json'), JSON.stringify({ administratorLogin: { value: 'pgadmin' }, administratorLoginPassword: { value: 12345678 } }));
    const secure = ioFor(endpoint, dir);
    expect(await deploy(endpoint, out, ['--yes', '-p', '@secure.json'], secure)).to.equal(2);
    expect(secure.text()).to.contain("--parameters @secure.json: parameter 'administratorLoginPassword' is a securestring, so its value must be a JSON string; it is a number. Write it like");
    expect(secure.text()).to.not.contain('12345678');
    // A parameters file edited by hand in the synth output (deploy --from).
    const file = join(out, 'Db.parameters.json');
    const synthesized = JSON.parse(readFileSync(file, 'utf8'));
    writeFileSync(file, JSON.stringify({ ...synthesized, parameters: { ...synthesized.parameters, highAvailability: { value: 'false' } } }));
    const edited = ioFor(endpoint, dir, { env: { PG_PASSWORD: SECRET } });
    expect(await deploy(endpoint, out, ['--yes', '-p', 'administratorLogin=pgadmin', 'administratorLoginPassword=@env:PG_PASSWORD'], edited)).to.equal(2);
    expect(edited.text()).to.contain(`Db: Db.parameters.json: parameter 'highAvailability' is a bool, so its value must be true or false; it is a string ("false").`);
    expect(endpoint.requests).to.have.length(0);
  });

  it('refuses a parameters file that is not JSON or not in deploymentParameters shape', () => {
    writeFileSync(join(dir, 'broken.json'), '{');
    writeFileSync(join(dir, 'shape.json'), JSON.stringify({ parameters: { a: 1 }, contentVersion: '1.0.0.0' }));
    const ctx = { resolve: (p: string) => join(dir, p), env: {} };
    expect(() => parseParameterArgs(['@broken.json'], ctx)).to.throw(/broken.json is not valid JSON/);
    expect(() => parseParameterArgs(['@shape.json'], ctx)).to.throw(/parameter 'a' needs \{"value": \.\.\.\} or \{"reference"/);
  });

  it('says where a parameters file is not JSON without quoting it (an unquoted password stays secret)', async () => {
    writeFileSync(join(dir, 'secret.json'), `{\n  "parameters": {\n    "administratorLoginPassword": { "value": ${SECRET} }\n  }\n}\n`);
    const io = ioFor(endpoint, dir);
    expect(await deploy(endpoint, out, ['--yes', '-p', '@secret.json'], io)).to.equal(2);
    expect(io.text()).to.contain('secret.json is not valid JSON (line 3, column 46). Fix the file; its content is not shown here.');
    expect(io.text()).to.not.contain(SECRET);
    expect(io.text()).to.not.contain(SECRET.slice(0, 4));
    expect(endpoint.requests).to.have.length(0);
  });

  it('passes Key Vault references through and parses JSON for object/array parameters', () => {
    writeFileSync(join(dir, 'kv.json'), JSON.stringify({ pw: { reference: { keyVault: { id: '/subscriptions/s/resourceGroups/r/providers/Microsoft.KeyVault/vaults/kv' }, secretName: 'pw' } } }));
    const ctx = { resolve: (p: string) => join(dir, p), env: {} };
    const parsed = parseParameterArgs(['@kv.json', 'tags={"a":"b"}', 'zones=[1,2]'], ctx);
    const result = parametersForStack({ pw: { type: 'securestring' }, tags: { type: 'object' }, zones: { type: 'array' } }, {}, parsed);
    expect(result.values).to.deep.equal({
      pw: { reference: { keyVault: { id: '/subscriptions/s/resourceGroups/r/providers/Microsoft.KeyVault/vaults/kv' }, secretName: 'pw' } },
      tags: { value: { a: 'b' } },
      zones: { value: [1, 2] },
    });
    expect(result.missing).to.deep.equal([]);
    expect(result.secrets).to.deep.equal([]);
    expect(() => parametersForStack({ zones: { type: 'array' } }, {}, parseParameterArgs(['zones={"a":1}'], ctx))).to.throw(/must be a JSON array/);
  });
});
