import deprecatedApiVersion from './deprecated-api-version';
import removedApiVersion from './removed-api-version';
import type { Rule } from '../types';

export default [deprecatedApiVersion, removedApiVersion] as Array<Rule<string, any>>;
