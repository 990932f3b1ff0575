/**
 * @fileoverview Container image references, split the way the container runtime reads them:
 * `[registry[:port]/]repository[:tag][@digest]`, with Docker Hub and `latest` as defaults.
 */

export interface ImageRef {
  /** As written. */
  raw: string;
  /** Registry host when the first path part looks like one (has a dot or a port, or is localhost). */
  registry: string | undefined;
  repository: string;
  tag: string | undefined;
  digest: string | undefined;
}

export function parseImage(raw: string): ImageRef {
  let rest = raw.trim();
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  let registry: string | undefined;
  const slash = rest.indexOf('/');
  if (slash > 0) {
    const first = rest.slice(0, slash);
    if (first.includes('.') || first.includes(':') || first === 'localhost') {
      registry = first;
      rest = rest.slice(slash + 1);
    }
  }
  return { raw, registry, repository: rest, tag, digest };
}

/** True when the image names an exact build: a digest, or a tag other than `latest`. */
export function isPinned(image: ImageRef): boolean {
  return !!image.digest || (!!image.tag && image.tag !== 'latest');
}
