/**
 * @fileoverview A rule made up for one test: what the registry requires of a real rule
 * (category, severity, title, docs) filled with placeholders, so a test states only what it is
 * about (its id, kinds, messages and check).
 */
import { defineRule, type Rule } from '../../src/core/rules/types';

type Essentials<M extends string> = Pick<Rule<M>, 'id' | 'kinds' | 'messages' | 'check'> & Partial<Rule<M>>;

export function testRule<M extends string>(rule: Essentials<M>): Rule<M> {
  return defineRule<M>({
    category: 'reliability', severity: 'info', title: 'test',
    docs: { description: '', rationale: '', remediation: '', references: [] },
    ...rule,
  });
}
