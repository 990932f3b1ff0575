/** @fileoverview Shapes shared by the benchmark's tools and runner. */

export interface BenchFile {
  path: string;
  text: string;
}

/** A tool under measurement: set up once (not timed), then `run` over the same files every time. */
export interface Tool {
  name: string;
  run(files: readonly BenchFile[]): Promise<{ findings: number; resources?: number }>;
}
