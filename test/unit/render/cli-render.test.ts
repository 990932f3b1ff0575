import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { run } from '../../../src/cli/main';
import { fakeIo, tempProject } from '../../cli/helpers';

const APP = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  replicas: 2
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: web
        image: nginx:latest
        resources:
          requests: {cpu: 100m, memory: 64Mi}
        ports:
        - {name: http, containerPort: 8080}
---
apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: shop
spec:
  selector: {app: web}
  ports:
  - {port: 80, targetPort: http}
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: huge
  namespace: shop
spec:
  replicas: 1
  selector:
    matchLabels: {app: huge}
  template:
    metadata:
      labels: {app: huge}
    spec:
      containers:
      - name: huge
        image: busybox:1.36
        resources:
          requests: {cpu: "64", memory: 1Gi}
`;

describe('kubeplan render', () => {
  it('writes the diagram of the manifests as SVG, with finding badges and the Pending pod', async () => {
    const project = tempProject({ 'app.yaml': APP });
    try {
      const io = fakeIo(project.dir);
      assert.equal(await run(['render', 'app.yaml', '-o', 'out.svg', '--now', '2026-01-01T00:00:00Z'], io), 0);
      assert.match(io.err, /wrote out\.svg \(4 node\(s\), 3 pod\(s\), 1 Pending\)/);
      const svg = project.read('out.svg');
      assert.match(svg, /data-key="svc:shop\/web"/);
      assert.match(svg, /Pending \(1\)/);
      assert.match(svg, /Insufficient cpu/);
      // nginx:latest is reported by the linter: the web Deployment carries a badge.
      assert.match(svg, /<g [^>]*data-key="wl:Deployment:shop\/web"[^>]*>(?:(?!<\/g>)[\s\S])*kp-badge/);
      // The Service's hover text names its endpoints and the source file points back to the YAML.
      assert.match(svg, /endpoints: 2 \(web-/);
    } finally {
      project.cleanup();
    }
  });

  it('writes PNG, and SVG to stdout with -o -', async () => {
    const project = tempProject({ 'app.yaml': APP });
    try {
      const io = fakeIo(project.dir);
      assert.equal(await run(['render', '.', '-o', 'out.png', '--no-findings', '--layers', 'all', '--locale', 'fr'], io), 0);
      const png = readFileSync(path.join(project.dir, 'out.png'));
      assert.equal(png.subarray(1, 4).toString(), 'PNG');
      const stdout = fakeIo(project.dir);
      assert.equal(await run(['render', '.', '-o', '-', '--locale', 'fr', '--group-by-namespace'], stdout), 0);
      assert.match(stdout.out, /^<\?xml/);
      assert.match(stdout.out, /Nœuds/);
    } finally {
      project.cleanup();
    }
  });

  it('says what is wrong with its flags (exit 2)', async () => {
    const project = tempProject({ 'app.yaml': APP, 'settings.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n' });
    try {
      const cases: Array<[string[], RegExp]> = [
        [['render', '.'], /missing -o <file.svg\|file.png>/],
        [['render', '.', '-o', 'out.pdf'], /must end in .svg or .png/],
        [['render', '.', '-o', 'a.svg', '--layers', 'ingress,bogus'], /--layers: unknown layer "bogus"/],
        [['render', '.', '-o', 'a.svg', '--color-by', 'pink'], /--color-by: unknown mode "pink"/],
        [['render', '.', '-o', 'a.svg', '--theme', 'neon'], /--theme: unknown theme "neon"/],
        [['render', '.', '-o', 'a.svg', '--scale', '0'], /--scale/],
        [['render', 'app.yaml', '-o', 'a.svg', '--cluster', 'settings.yaml'], /no Node objects, no k3d config \(kind: Simple\) and no running workloads/],
      ];
      for (const [args, message] of cases) {
        const io = fakeIo(project.dir);
        assert.equal(await run(args, io), 2, args.join(' '));
        assert.match(io.err, message);
      }
    } finally {
      project.cleanup();
    }
  });
});
