import type { Rule } from '../types';
import recommendedLabels from './recommended-labels';

export default [recommendedLabels] as Array<Rule<string, any>>;
