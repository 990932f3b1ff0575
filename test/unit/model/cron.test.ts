import * as assert from 'node:assert/strict';
import { checkTimeZone, describeSchedule, parseGoDuration, parseSchedule } from '../../../src/core/model/cron';

describe('model/cron', () => {
  describe('parseSchedule', () => {
    const ok = (s: string): void => assert.equal(parseSchedule(s).ok, true, s);
    const fails = (s: string, problem: string, slice: [number, number], field?: string): void => {
      const r = parseSchedule(s);
      assert.equal(r.ok, false, s);
      if (r.ok) return;
      assert.equal(r.error.problem, problem, s);
      assert.deepEqual(r.error.slice, slice, s);
      assert.equal(r.error.field, field, s);
    };

    it('accepts what the controller accepts', () => {
      for (const s of ['* * * * *', '0 0 1 1 *', '*/5 9-17 * * 1-5', '0 0 ? * SUN', '15,45 */2 1-31/2 jan-DEC mon-sat', '5/10 * * * *', '@hourly', '@midnight', '@every 1h30m', '  0  3 * * *  ']) ok(s);
    });

    it('points at the field at fault', () => {
      fails('0 0 * * 7', 'outOfRange', [8, 9], 'day of week');
      fails('0 24 * * *', 'outOfRange', [2, 4], 'hour');
      fails('0 0 0 * *', 'outOfRange', [4, 5], 'day of month');
      fails('0 0 * 13 *', 'outOfRange', [6, 8], 'month');
      fails('0 0 * FOO *', 'badValue', [6, 9], 'month');
      fails('0 0 L * *', 'badValue', [4, 5], 'day of month');
      fails('1,,2 * * * *', 'badSyntax', [2, 3], 'minute');
      fails('0 5-2/3 * * *', 'reversedRange', [2, 5], 'hour');
      fails('*/x * * * *', 'badStep', [1, 3], 'minute');
      fails('0 0 * * 1#2', 'badValue', [8, 11], 'day of week');
    });

    it('counts the fields and knows the macros', () => {
      fails('0 0 * *', 'fieldCount', [0, 7]);
      fails('0 0 0 * * *', 'fieldCount', [10, 11]);
      fails('@reboot', 'unknownMacro', [0, 7]);
      fails('@every', 'badEvery', [0, 6]);
      fails('@every 0s', 'badEvery', [7, 9]);
      fails('', 'empty', [0, 0]);
      fails('CRON_TZ=UTC 0 0 * * *', 'timeZoneInSchedule', [0, 11]);
    });

    it('spots every-minute schedules', () => {
      const every = (s: string): boolean => { const r = parseSchedule(s); return r.ok && r.value.everyMinute; };
      assert.equal(every('* * * * *'), true);
      assert.equal(every('*/1 * * * 1-5'), true);
      assert.equal(every('@every 45s'), true);
      assert.equal(every('* 3 * * *'), false);
      assert.equal(every('*/2 * * * *'), false);
      assert.equal(every('@hourly'), false);
    });
  });

  it('parseGoDuration reads Go durations', () => {
    assert.equal(parseGoDuration('1h30m'), 5400);
    assert.equal(parseGoDuration('90s'), 90);
    assert.equal(parseGoDuration('1.5h'), 5400);
    assert.equal(parseGoDuration('1d'), undefined);
    assert.equal(parseGoDuration('10'), undefined);
  });

  it('checkTimeZone follows the controller', () => {
    assert.deepEqual(checkTimeZone('Europe/Paris'), { ok: true });
    assert.deepEqual(checkTimeZone('America/Montreal'), { ok: true });
    assert.deepEqual(checkTimeZone('Etc/UTC'), { ok: true });
    assert.deepEqual(checkTimeZone('Local'), { ok: false, reason: 'local' });
    assert.deepEqual(checkTimeZone('Europe/Lutece'), { ok: false, reason: 'unknown' });
    assert.deepEqual(checkTimeZone('europe/paris'), { ok: false, reason: 'case', suggestion: 'Europe/Paris' });
  });

  describe('describeSchedule', () => {
    const now = new Date('2026-01-15T12:00:00Z'); // a Thursday, winter time in Paris (UTC+1)

    it('says when in words and lists the next runs in the time zone given', () => {
      const d = describeSchedule('30 2 * * 1-5', 'Europe/Paris', now)!;
      assert.match(d.text, /02:30/);
      assert.match(d.text, /Monday through Friday/);
      assert.match(d.text, /Europe\/Paris/);
      assert.deepEqual(d.next.map((x) => x.toISOString()), ['2026-01-16T01:30:00.000Z', '2026-01-19T01:30:00.000Z', '2026-01-20T01:30:00.000Z']);
    });

    it('uses UTC without a time zone, and expands macros', () => {
      const d = describeSchedule('@daily', undefined, now, 2)!;
      assert.deepEqual(d.next.map((x) => x.toISOString()), ['2026-01-16T00:00:00.000Z', '2026-01-17T00:00:00.000Z']);
      assert.doesNotMatch(d.text, /UTC|\(/);
    });

    it('counts @every from now', () => {
      const d = describeSchedule('@every 90m', undefined, now, 2)!;
      assert.deepEqual(d.next.map((x) => x.toISOString()), ['2026-01-15T13:30:00.000Z', '2026-01-15T15:00:00.000Z']);
      assert.match(d.text, /1h30m/);
    });

    it('is undefined for an invalid schedule', () => {
      assert.equal(describeSchedule('61 * * * *', undefined, now), undefined);
    });

    it('does not read the clock: the same input gives the same output', () => {
      assert.deepEqual(describeSchedule('*/7 * * * *', 'UTC', now), describeSchedule('*/7 * * * *', 'UTC', now));
    });
  });
});
