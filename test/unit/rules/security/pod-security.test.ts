/**
 * The restricted-profile fix shared by the Pod Security rules: one action brings a pod template
 * to the restricted profile, leaves compliant settings and comments alone, and the result no
 * longer triggers any Pod Security rule at the restricted level.
 */
import * as assert from 'node:assert/strict';
import { defaultConfig } from '../../../../src/core/config/config';
import { applyEdits } from '../../../../src/core/fix/fix-ops';
import { lint } from '../../../../src/core/lint';
import security from '../../../../src/core/rules/security';
import { RESTRICTED_FIX_TITLE } from '../../../../src/core/rules/security/pod-security';

const PSS_RULE_IDS = [
  'no-added-capabilities', 'no-custom-selinux-options', 'no-host-namespaces', 'no-host-path-volume', 'no-host-port', 'no-host-process',
  'no-privilege-escalation', 'no-privileged-container', 'no-restricted-volume-types', 'no-unconfined-apparmor', 'no-unmasked-proc-mount',
  'no-unsafe-sysctls', 'require-drop-all-capabilities', 'require-run-as-non-root', 'require-seccomp-profile',
];
const PSS_RULES = security.filter((r) => PSS_RULE_IDS.includes(r.id));
const config = { ...defaultConfig(), podSecurity: 'restricted' as const };

const before = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata:
      labels: {app: web}
    spec:
      securityContext:
        runAsUser: 1000 # the image's user
      containers:
      - name: web
        image: nginx:1.27
        securityContext:
          privileged: true
          runAsNonRoot: false
          seccompProfile: {type: Unconfined}
          capabilities:
            add: [NET_BIND_SERVICE, SYS_ADMIN]
            drop:
            - NET_RAW
      - name: side
        image: envoy:1.30
        securityContext:
          allowPrivilegeEscalation: false
          capabilities: {drop: [ALL]}
`;

const after = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata:
      labels: {app: web}
    spec:
      securityContext:
        runAsUser: 1000 # the image's user
        runAsNonRoot: true
        seccompProfile:
          type: RuntimeDefault
      containers:
      - name: web
        image: nginx:1.27
        securityContext:
          privileged: false
          runAsNonRoot: true
          seccompProfile:
            type: RuntimeDefault
          capabilities:
            add:
            - NET_BIND_SERVICE
            drop:
            - NET_RAW
            - ALL
          allowPrivilegeEscalation: false
      - name: side
        image: envoy:1.30
        securityContext:
          allowPrivilegeEscalation: false
          capabilities: {drop: [ALL]}
`;

describe('the restricted securityContext fix', () => {
  it('is offered by the fifteen Pod Security rules', () => assert.equal(PSS_RULES.length, PSS_RULE_IDS.length));

  it('rewrites only what breaks the restricted profile, in one action', () => {
    const findings = lint([{ path: 'a.yaml', text: before }], { config, rules: PSS_RULES })[0]!.findings;
    assert.ok(findings.length >= 5, `expected several Pod Security findings, got ${findings.map((f) => f.ruleId).join(', ')}`);
    const fixes = findings.flatMap((f) => f.suggestions ?? []).filter((s) => s.title === RESTRICTED_FIX_TITLE);
    assert.ok(fixes.length > 0);
    for (const fix of fixes) assert.equal(applyEdits(before, fix.edits).text, after);
  });

  it('leaves nothing for the Pod Security rules to report', () => {
    const findings = lint([{ path: 'a.yaml', text: after }], { config, rules: PSS_RULES })[0]!.findings;
    assert.deepEqual(findings.map((f) => `${f.ruleId}: ${f.message}`), []);
  });

  it('puts a new pod-level securityContext with the pod settings, before the containers', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  serviceAccountName: web\n  containers:\n  - name: web\n    image: nginx:1.27\n';
    const findings = lint([{ path: 'a.yaml', text }], { config, rules: PSS_RULES })[0]!.findings;
    const fix = findings.flatMap((f) => f.suggestions ?? []).find((s) => s.title === RESTRICTED_FIX_TITLE)!;
    assert.equal(applyEdits(text, fix.edits).text, 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  serviceAccountName: web\n  securityContext:\n    runAsNonRoot: true\n    seccompProfile:\n      type: RuntimeDefault\n  containers:\n  - name: web\n    image: nginx:1.27\n    securityContext:\n      allowPrivilegeEscalation: false\n      capabilities:\n        drop:\n        - ALL\n');
  });
});
