import { parseArgs } from 'node:util';
import {
  checkKeyRequest,
  createApiKey,
  KeyRequestError,
  listApiKeys,
  revokeApiKey,
} from '../access/keys.js';
import { runTool, withDatabase } from './cli.js';
import { isScopedRole } from '../common/actor.js';

const USAGE = `usage:
  npm run keys -- create --role ROLE [--comune ISTAT]... [--domain NAME]... --label TEXT
  npm run keys -- list
  npm run keys -- revoke <id|label>
roles: PARTNER, ANALYST, EDITOR (needs --comune; --domain limits it), ADMIN`;

/**
 * `npm run keys`: creates, lists and revokes API keys. `create` prints the new key alone
 * on the last line of its output, once: only its SHA-256 is stored.
 */
runTool(async () => {
  const [command, ...rest] = process.argv.slice(2);
  if (command === 'create') {
    let values;
    try {
      ({ values } = parseArgs({
        args: rest,
        options: {
          role: { type: 'string' },
          comune: { type: 'string', multiple: true },
          domain: { type: 'string', multiple: true },
          label: { type: 'string' },
        },
      }));
    } catch (e) {
      throw new KeyRequestError(`${(e as Error).message}\n${USAGE}`);
    }
    const req = {
      role: values.role ?? '',
      label: values.label ?? '',
      comuni: values.comune ?? [],
      domains: values.domain ?? [],
    };
    checkKeyRequest(req);
    const { key, secret } = await withDatabase((orm) =>
      orm.em.fork().transactional((em) => createApiKey(em, req)),
    );
    const scope = isScopedRole(key.role)
      ? `; comuni ${key.comuni.join(', ')}; domains ${key.domains.join(', ') || 'all'}`
      : '';
    console.log(`created key ${key.id} "${key.label}" (${key.role}${scope})`);
    console.log('the key follows; it is shown only this once and cannot be recovered:');
    console.log(secret);
  } else if (command === 'list' && rest.length === 0) {
    const keys = await withDatabase((orm) => listApiKeys(orm.em.fork()));
    if (!keys.length) return console.log('no keys');
    for (const k of keys) {
      const scope = isScopedRole(k.role)
        ? ` comuni=${k.comuni.join(',')} domains=${k.domains.join(',') || 'all'}`
        : '';
      const state = k.revokedAt ? `revoked ${k.revokedAt.toISOString()}` : 'active';
      console.log(
        `${k.id}\t${k.label}\t${k.role}${scope}\tcreated ${k.createdAt.toISOString()}\t${state}`,
      );
    }
  } else if (command === 'revoke' && rest.length === 1) {
    const key = await withDatabase((orm) => revokeApiKey(orm.em.fork(), rest[0]));
    console.log(`revoked key ${key.id} "${key.label}" at ${key.revokedAt!.toISOString()}`);
  } else {
    throw new KeyRequestError(USAGE);
  }
});
