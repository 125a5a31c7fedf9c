import { createPageTests } from '../page-tests.js';

const { test, expose } = createPageTests();
const events: string[] = [];

test.describe('outer', () => {
  test.beforeAll(() => {
    events.push('before outer');
  });
  test.afterAll(() => {
    // Seen by Node through the page's title, as the page stays open until afterAll ran.
    document.title = events.join(',');
  });
  test.it('passes in the browser', async () => {
    events.push('test 1');
    test.expect(typeof document.createElement('canvas').getContext).toBe('function');
    test.expect({ a: [1, 2], b: 'x' }).toEqual({ a: [1, 2], b: 'x' });
  });
  test.describe('inner', () => {
    test.it('fails with the message', () => test.expect([1, 2]).toEqual([1, 3]), 5000);
  });
});

expose();
