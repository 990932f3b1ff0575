/**
 * Helpers for the CLI tests: an in-memory Io around the real file system (or a faked one), and
 * temporary project folders.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { nodeFs, type CliFs, type Io } from '../../src/cli/io';

export interface FakeIo extends Io {
  out: string;
  err: string;
}

export function fakeIo(cwd: string, overrides: Partial<Io> & { stdin?: string; fsOverrides?: Partial<CliFs> } = {}): FakeIo {
  const { stdin, fsOverrides, ...rest } = overrides;
  const io: FakeIo = {
    out: '',
    err: '',
    stdout: (text) => { io.out += text; },
    stderr: (text) => { io.err += text; },
    cwd,
    env: {},
    stdoutIsTTY: false,
    readStdin: async () => stdin ?? '',
    fs: { ...nodeFs, ...fsOverrides },
    ...rest,
  };
  return io;
}

/** Creates a temporary folder with the given files (path → text); removed by `cleanup()`. */
export function tempProject(files: Record<string, string>): { dir: string; read(file: string): string; cleanup(): void } {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'kubeplan-cli-')));
  for (const [file, text] of Object.entries(files)) {
    const full = path.join(dir, file);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, text);
  }
  return {
    dir,
    read: (file) => fs.readFileSync(path.join(dir, file), 'utf8'),
    cleanup: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

/** A Pod with one container using `image`, with both probes (so only image rules report). */
export function pod(name: string, image: string): string {
  return `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  namespace: web
spec:
  containers:
  - name: ${name}
    image: ${image}
    livenessProbe:
      httpGet: {path: /healthz, port: 8080}
    readinessProbe:
      httpGet: {path: /ready, port: 8080}
`;
}

/** An RBAC Role with a wildcard verb: reported as a warning by no-rbac-wildcard. */
export const WILDCARD_ROLE = `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: reader
  namespace: web
rules:
- apiGroups: [""]
  resources: ["pods"]
  verbs: ["*"]
`;

export function parseJson<T = unknown>(text: string): T {
  return JSON.parse(text) as T;
}
