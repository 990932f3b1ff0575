import type { Rule } from '../types';

export default [] as Array<Rule<string, any>>;
