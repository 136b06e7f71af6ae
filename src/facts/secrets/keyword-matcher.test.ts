import { describe, expect, it } from 'vitest';
import { KeywordMatcher } from './keyword-matcher.js';

function hits(keywords: string[], text: string): string[] {
  const found: string[] = [];
  new KeywordMatcher(keywords).scan(text, (keyword, end) => found.push(`${keywords[keyword]}@${end}`));
  return found;
}

describe('KeywordMatcher', () => {
  it('reports every occurrence of every keyword, overlapping ones included', () => {
    expect(hits(['he', 'she', 'hers', 'his'], 'ushers')).toEqual(['she@4', 'he@4', 'hers@6']);
  });

  it('matches ASCII case-insensitively', () => {
    expect(hits(['sk_live_', 'token'], 'SK_LIVE_x Token TOKEN')).toEqual(['sk_live_@8', 'token@15', 'token@21']);
  });

  it('restarts after a non-ASCII character instead of matching through it', () => {
    expect(hits(['secret'], 'secrét secret')).toEqual(['secret@13']);
  });

  it('finds a keyword that is a suffix of a longer partial match', () => {
    expect(hits(['://', 'xoxb-'], 'xoxo://xoxb-1')).toEqual(['://@7', 'xoxb-@12']);
  });
});
