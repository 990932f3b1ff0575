/**
 * @fileoverview What the CLI needs from the outside world, in one object: output streams, the
 * working directory, the environment, stdin and the few file-system operations the commands
 * use. `nodeIo()` gives the real ones; tests pass fakes (or the real fs with captured output).
 */
import { writeSync } from 'node:fs';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';

/** One entry of a directory listing. */
export interface DirEntry {
  name: string;
  isFile: boolean;
  isDirectory: boolean;
  /** True for a symbolic link (then isFile and isDirectory are both false). */
  isSymbolicLink?: boolean;
}

/** What `stat` tells the CLI about a path. */
export interface FileStat {
  isFile: boolean;
  isDirectory: boolean;
  /** Permission bits (`0o644`), kept when a file is rewritten by `--fix`. */
  mode: number;
}

/** File-system operations of the CLI. Paths are absolute. Errors are thrown as Node's (with `code`). */
export interface CliFs {
  readFile(file: string): Promise<string>;
  /** Null when nothing exists at the path. */
  stat(file: string): Promise<FileStat | null>;
  readDir(dir: string): Promise<DirEntry[]>;
  /** Writes a whole file: to a temporary file beside it, then renamed over it (never half-written). */
  writeFileAtomic(file: string, text: string, mode?: number): Promise<void>;
  /** Plain write. */
  writeFile(file: string, text: string): Promise<void>;
  /** Creates or truncates a file to write in pieces, in order (the `--output` report, as it is made). */
  openForWriting(file: string): Promise<FileWriter>;
}

/** A file being written piece by piece. `write` throws Node's error if the system refuses. */
export interface FileWriter {
  write(text: string): void;
  close(): Promise<void>;
}

export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Absolute working directory: relative paths and printed file names are relative to it. */
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  /** True when stdout is a terminal (colors are on by default only then). */
  stdoutIsTTY: boolean;
  readStdin(): Promise<string>;
  fs: CliFs;
}

let tempCounter = 0;

/** The real file system. */
export const nodeFs: CliFs = {
  async readFile(file) {
    return fs.readFile(file, 'utf8');
  },
  async stat(file) {
    try {
      const s = await fs.stat(file);
      return { isFile: s.isFile(), isDirectory: s.isDirectory(), mode: s.mode & 0o7777 };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return null;
      throw error;
    }
  },
  async readDir(dir) {
    const entries = await fs.readdir(dir, { withFileTypes: true });
    return entries.map((e) => ({ name: e.name, isFile: e.isFile(), isDirectory: e.isDirectory(), isSymbolicLink: e.isSymbolicLink() }));
  },
  async writeFileAtomic(file, text, mode) {
    const temp = path.join(path.dirname(file), `.${path.basename(file)}.kubeplan-${process.pid}-${++tempCounter}.tmp`);
    try {
      await fs.writeFile(temp, text, { encoding: 'utf8', mode: mode ?? 0o644 });
      // The umask may have narrowed the mode given to writeFile: set it exactly.
      if (mode !== undefined) await fs.chmod(temp, mode);
      await fs.rename(temp, file);
    } catch (error) {
      await fs.rm(temp, { force: true }).catch(() => undefined);
      throw error;
    }
  },
  async writeFile(file, text) {
    await fs.writeFile(file, text, 'utf8');
  },
  async openForWriting(file) {
    const handle = await fs.open(file, 'w');
    return {
      // Synchronous, as Node writes to stdout when it is a file: pieces leave in order, at once.
      write(text) {
        const bytes = Buffer.from(text, 'utf8');
        for (let done = 0; done < bytes.length;) done += writeSync(handle.fd, bytes, done);
      },
      close: () => handle.close(),
    };
  },
};

/** The process's own streams, environment and file system. */
export function nodeIo(): Io {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    env: process.env,
    stdoutIsTTY: process.stdout.isTTY === true,
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
      return Buffer.concat(chunks).toString('utf8');
    },
    fs: nodeFs,
  };
}
