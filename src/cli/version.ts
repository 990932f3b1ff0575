/** The version of KubePlan, from package.json (bundled at build time). */
import pkg from '../../package.json';

export const VERSION: string = pkg.version;
