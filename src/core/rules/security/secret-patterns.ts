/**
 * @fileoverview What looks like a secret written in clear: names such as `DB_PASSWORD` or
 * `apiKey` with a literal value, private key blocks (PEM), and base64 blobs under names with
 * "key". Shared by the secret rules.
 */

/** Name tokens that mean the value is a secret whatever it looks like. */
const SECRET_WORDS = new Set(['password', 'passwd', 'pwd', 'passphrase', 'secret', 'token', 'credential', 'credentials', 'apikey', 'privatekey', 'secretkey', 'accesskey', 'clientsecret', 'authtoken']);
/** Words that, before `key`, make it a secret key (`API_KEY`, `signingKey`). */
const KEY_QUALIFIERS = new Set(['api', 'private', 'access', 'secret', 'signing', 'encryption', 'master', 'client', 'auth', 'license']);
/** A last token that says the value is about the secret, not the secret (`PASSWORD_FILE`, `TOKEN_URL`). */
const NOT_SECRET_SUFFIXES = new Set([
  'file', 'path', 'dir', 'url', 'uri', 'endpoint', 'host', 'port', 'name', 'user', 'username', 'id', 'length', 'ttl', 'timeout',
  'expiry', 'expiration', 'header', 'type', 'enabled', 'enable', 'policy', 'min', 'max', 'rounds', 'mode', 'field', 'location',
  'ref', 'required', 'format', 'algorithm', 'seconds', 'lifetime', 'audience', 'issuer', 'version', 'count', 'size', 'prefix', 'key',
]);

const PEM_PRIVATE_KEY = /-----BEGIN (?:[A-Z]+ )*PRIVATE KEY-----/;
const BASE64_BLOB = /^[A-Za-z0-9+/_-]{24,}={0,2}$/;
const HEX_BLOB = /^[0-9a-fA-F]{32,}$/;

/** `DB_PASSWORD` → [db, password]; `apiKey` → [api, key]; `tls.key` → [tls, key]. */
export function nameTokens(name: string): string[] {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
}

/** A value that only points at the secret (an env reference, a template, a path) or is too short to be one. */
function isPlaceholderOrTrivial(value: string): boolean {
  const v = value.trim();
  return v.length < 4 || /^\$\(|^\$\{|\{\{|^\/|^(true|false|yes|no|none|null|changeme-in-secret)$/i.test(v) || /^<[^>]*>$/.test(v);
}

/** Why a name/value pair looks like a secret written in clear, or undefined. */
export function secretLiteral(name: string, value: unknown): 'pem' | 'name' | 'blob' | undefined {
  if (typeof value !== 'string') return undefined;
  if (PEM_PRIVATE_KEY.test(value)) return 'pem';
  const tokens = nameTokens(name);
  if (tokens.length === 0 || isPlaceholderOrTrivial(value)) return undefined;
  const last = tokens[tokens.length - 1]!;
  const secretWord = tokens.some((t) => SECRET_WORDS.has(t));
  const qualifiedKey = tokens.some((t, i) => t === 'key' && i > 0 && KEY_QUALIFIERS.has(tokens[i - 1]!));
  if ((secretWord || qualifiedKey) && !(NOT_SECRET_SUFFIXES.has(last) && !(last === 'key' && qualifiedKey))) {
    if (value.includes('\n')) return undefined; // a whole file under a secret-sounding name: left to the line check
    // `WEBHOOK_SECRET: webhook-server-cert` names a Secret object, it is not one.
    if (last === 'secret' && /^[a-z0-9]+(?:-[a-z0-9]+)+$/.test(value) && !/\d{3,}/.test(value)) return undefined;
    return 'name';
  }
  if (tokens.includes('key') && !value.includes('\n') && (BASE64_BLOB.test(value.trim()) || HEX_BLOB.test(value.trim()))) return 'blob';
  return undefined;
}

const SECRET_SETTING_HINT = /(?:password|passwd|secret|token|api[_.-]?key)[A-Za-z0-9_.-]*\s*[:=]/i;

/** In a multi-line value (a config file in a ConfigMap), the first `password = …`-style setting with a literal value. */
export function secretSettingInFile(text: string): string | undefined {
  // One pass over the whole text first: most files (dashboards, scripts) mention no secret at all.
  if (!text.includes('\n') || !SECRET_SETTING_HINT.test(text)) return undefined;
  for (const line of text.split('\n')) {
    const m = /^\s*([A-Za-z0-9_.-]*(?:password|passwd|secret|token|api[_.-]?key)[A-Za-z0-9_.-]*)\s*[:=]\s*["']?([^"'\s#]+)/i.exec(line);
    if (!m) continue;
    if (secretLiteral(m[1]!, m[2]!) === 'name') return m[1]!;
  }
  return undefined;
}
