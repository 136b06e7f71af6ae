import { type Static, Type } from '@sinclair/typebox';

const SourceKind = Type.Unsafe<'database' | 'api'>({ type: 'string', enum: ['database', 'api'] });

/**
 * `report.sections.vulnerabilities` (schema stage): where advisories came from, how many locked
 * packages were checked, and the vulnerable ones. Part of the JSON contract: extend, never rename.
 */
export const VulnerabilitiesSectionSchema = Type.Object({
  sources: Type.Array(
    Type.Object({
      kind: SourceKind,
      location: Type.String({ description: 'The OSV database path as given, or the API base URL' }),
      records: Type.Integer({ minimum: 0, description: 'Advisory records it gave for the locked packages' }),
    }),
    { description: 'Advisory sources that answered' },
  ),
  errors: Type.Array(Type.Object({ kind: SourceKind, location: Type.String(), message: Type.String() }), { description: 'Sources that could not be read or reached: their advisories are missing from this report' }),
  note: Type.Optional(Type.String({ description: 'Why no source was consulted' })),
  packagesChecked: Type.Integer({ minimum: 0, description: 'Distinct locked (ecosystem, name, version) looked up' }),
  vulnerableCount: Type.Integer({ minimum: 0, description: 'Vulnerable (file, package, version) entries' }),
  packages: Type.Array(
    Type.Object({
      file: Type.String(),
      line: Type.Integer({ minimum: 1 }),
      ecosystem: Type.String(),
      name: Type.String(),
      version: Type.String(),
      isDev: Type.Boolean(),
      severity: Type.Unsafe<'critical' | 'moderate' | 'low' | 'info'>({ type: 'string', enum: ['critical', 'moderate', 'low', 'info'] }),
      advisories: Type.Array(Type.String(), { description: 'Advisory ids (GHSA, PYSEC...), aliases merged' }),
      upgradeTo: Type.Optional(Type.String({ description: 'The lowest version that fixes every advisory with a fix' })),
    }),
    { description: 'The vulnerable packages (the first 200)' },
  ),
});

export type VulnerabilitiesSection = Static<typeof VulnerabilitiesSectionSchema>;
