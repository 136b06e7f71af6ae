import { describe, expect, it } from 'vitest';
import { parsePrismaSchema } from './prisma-schema.js';

describe('parsePrismaSchema', () => {
  it('reads models, maps, relations, unique criteria and the provider', () => {
    const schema = parsePrismaSchema(
      [
        'datasource db {',
        '  provider = "sqlite" // local',
        '}',
        'enum Role { ADMIN }',
        'model Post {',
        '  id       Int    @id',
        '  author   User   @relation(fields: [authorId], references: [id])',
        '  authorId Int    @map("author_id") // "quoted // not a comment"',
        '  tags     String[]',
        '  @@map("posts")',
        '}',
        'model Log {',
        '  line String',
        '  @@ignore',
        '}',
      ].join('\n'),
    );
    expect(schema.provider).toBe('sqlite');
    const [post, log] = schema.models;
    expect(post).toMatchObject({ name: 'Post', map: 'posts', hasUniqueCriterion: true, line: 5 });
    expect(post?.fields.map((field) => [field.name, field.type, field.map ?? '', field.hasRelation ?? false, field.isList ?? false])).toEqual([
      ['id', 'Int', '', false, false],
      ['author', 'User', '', true, false],
      ['authorId', 'Int', 'author_id', false, false],
      ['tags', 'String', '', false, true],
    ]);
    expect(log).toMatchObject({ hasUniqueCriterion: false, isIgnored: true });
  });
});
