import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { labelValueProblem, nameProblem, nameSyntaxOf, qualifiedNameProblem, suggestedName, type NameSyntax } from '../../../src/core/schema/names';

describe('name syntax', () => {
  const table: Array<[NameSyntax, string, string | undefined]> = [
    ['dns1123Subdomain', 'web', undefined],
    ['dns1123Subdomain', 'kube-root-ca.crt', undefined],
    ['dns1123Subdomain', 'v1beta1.metrics.k8s.io', undefined],
    ['dns1123Subdomain', 'My_App', 'it has uppercase letters and "_"'],
    ['dns1123Subdomain', 'MyApp', 'it has uppercase letters'],
    ['dns1123Subdomain', 'web-', 'it must end with a letter or digit'],
    ['dns1123Subdomain', '-web', 'it must start with a letter or digit'],
    ['dns1123Subdomain', 'a..b', 'each dot-separated part must start and end with a letter or digit'],
    ['dns1123Subdomain', 'a'.repeat(254), 'it is 254 characters long, more than 253'],
    ['dns1123Label', 'team.a', 'it contains "."'],
    ['dns1123Label', 'a'.repeat(64), 'it is 64 characters long, more than 63'],
    ['dns1035Label', '1web', 'it must start with a letter'],
    ['dns1035Label', 'web1', undefined],
    ['pathSegment', 'system:controller:job-controller', undefined],
    ['pathSegment', 'a/b', 'it contains "/" or "%"'],
    ['ianaServiceName', 'http', undefined],
    ['ianaServiceName', 'http-metrics-port', 'it is 17 characters long, more than 15'],
    ['ianaServiceName', '8080', 'it has no letter'],
    ['ianaServiceName', 'a--b', 'it contains "--"'],
    ['ianaServiceName', 'HTTP', 'it has uppercase letters'],
    ['configMapKey', 'app.properties', undefined],
    ['configMapKey', 'nginx/default.conf', 'it contains "/"; only letters, digits, "-", "_" and "." are allowed'],
    ['configMapKey', '..', '".." is not allowed'],
  ];
  for (const [syntax, value, expected] of table) {
    it(`${syntax}: ${JSON.stringify(value.length > 20 ? `${value.slice(0, 17)}...` : value)} → ${expected ?? 'valid'}`, () => {
      assert.equal(nameProblem(value, syntax), expected);
    });
  }

  it('qualified names (label and annotation keys)', () => {
    assert.equal(qualifiedNameProblem('app.kubernetes.io/name'), undefined);
    assert.equal(qualifiedNameProblem('container.apparmor.security.beta.kubernetes.io/web'), undefined);
    assert.equal(qualifiedNameProblem('Version'), undefined, 'the name part may have capitals');
    assert.equal(qualifiedNameProblem('Example.com/x'), 'its prefix "Example.com" is not a DNS subdomain: it has uppercase letters');
    assert.equal(qualifiedNameProblem('a/b/c'), 'it has more than one "/"');
    assert.equal(qualifiedNameProblem('/x'), 'its prefix (before "/") is empty');
    assert.equal(qualifiedNameProblem('x/'), 'its name part is empty');
    assert.equal(qualifiedNameProblem('my label'), 'it contains a space');
    assert.equal(qualifiedNameProblem('-x'), 'it must start and end with a letter or digit');
    assert.equal(qualifiedNameProblem(`x/${'a'.repeat(64)}`), 'its name part is 64 characters long, more than 63');
  });

  it('qualified names: valid exactly when Kubernetes says so (whatever path the check takes)', () => {
    // k8s.io/apimachinery IsQualifiedName: an optional DNS-1123 subdomain prefix and "/", then
    // 1 to 63 of [-A-Za-z0-9_.], starting and ending alphanumeric.
    const valid = (key: string): boolean => {
      const parts = key.split('/');
      if (parts.length > 2) return false;
      const name = parts.at(-1)!;
      if (parts.length === 2 && (parts[0] === '' || nameProblem(parts[0]!, 'dns1123Subdomain') !== undefined)) return false;
      return name.length >= 1 && name.length <= 63 && /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/.test(name);
    };
    const char = fc.constantFrom(...'aZ09-_./ '.split(''));
    fc.assert(fc.property(fc.array(char, { maxLength: 70 }).map((cs) => cs.join('')), fc.nat(80), (key, repeat) => {
      for (const k of [key, `${'a'.repeat(repeat)}${key}`, `example.com/${key}`]) assert.equal(qualifiedNameProblem(k) === undefined, valid(k), JSON.stringify(k));
    }), { numRuns: 2000 });
  });

  it('label values', () => {
    for (const ok of ['', 'web', 'v1.2.3', 'A_b-C.d']) assert.equal(labelValueProblem(ok), undefined, ok);
    assert.equal(labelValueProblem('1.0+build'), 'it contains "+"');
    assert.equal(labelValueProblem('web server'), 'it contains a space');
    assert.equal(labelValueProblem('-web'), 'it must start and end with a letter or digit');
    assert.equal(labelValueProblem('a'.repeat(64)), 'it is 64 characters long, more than 63');
  });

  it('the name syntax of each kind', () => {
    assert.deepEqual(['Pod', 'Namespace', 'Service', 'ClusterRole', 'ConfigMap'].map(nameSyntaxOf), ['dns1123Subdomain', 'dns1123Label', 'dns1035Label', 'pathSegment', 'dns1123Subdomain']);
  });

  it('suggests a lowercase, dashed name only when that makes it valid', () => {
    assert.equal(suggestedName('My_App', 'dns1123Subdomain'), 'my-app');
    assert.equal(suggestedName('Team.A', 'dns1123Label'), 'team-a');
    assert.equal(suggestedName('web', 'dns1123Label'), undefined, 'already valid');
    assert.equal(suggestedName('1web', 'dns1035Label'), undefined, 'lowercase does not help');
  });
});
