/**
 * OSV records shaped after real osv.dev exports (GHSA for npm and PyPI, PYSEC for PyPI), for the
 * advisories tests. Versions and ids are the real ones; details are shortened.
 */
export const EXPRESS_OPEN_REDIRECT = {
  schema_version: '1.6.0',
  id: 'GHSA-rv95-896h-c2vc',
  modified: '2024-03-27T21:55:41Z',
  published: '2024-03-25T19:40:26Z',
  aliases: ['CVE-2024-29041'],
  summary: 'Express.js Open Redirect in malformed URLs',
  details: 'Versions of Express.js prior to 4.19.2 and pre-release alpha and beta versions before 5.0.0-beta.3 are affected by an open redirect vulnerability using malformed URLs.',
  severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:L/I:L/A:N' }],
  affected: [
    {
      package: { ecosystem: 'npm', name: 'express', purl: 'pkg:npm/express' },
      ranges: [
        { type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '4.19.2' }] },
        { type: 'SEMVER', events: [{ introduced: '5.0.0-alpha.1' }, { fixed: '5.0.0-beta.3' }] },
      ],
      database_specific: { source: 'https://github.com/github/advisory-database/blob/main/advisories/github-reviewed/2024/03/GHSA-rv95-896h-c2vc/GHSA-rv95-896h-c2vc.json' },
    },
  ],
  references: [{ type: 'ADVISORY', url: 'https://nvd.nist.gov/vuln/detail/CVE-2024-29041' }],
  database_specific: { cwe_ids: ['CWE-1286', 'CWE-601'], severity: 'MODERATE', github_reviewed: true, github_reviewed_at: '2024-03-25T19:40:26Z', nvd_published_at: '2024-03-25T21:15:46Z' },
};

export const EXPRESS_REDIRECT_XSS = {
  schema_version: '1.6.0',
  id: 'GHSA-qw6h-vgh9-j6wx',
  modified: '2024-09-20T19:36:47Z',
  published: '2024-09-10T19:41:04Z',
  aliases: ['CVE-2024-43796'],
  summary: 'express vulnerable to XSS via response.redirect()',
  details: 'In express <4.20.0, passing untrusted user input - even after sanitizing it - to response.redirect() may execute untrusted code.',
  affected: [
    {
      package: { ecosystem: 'npm', name: 'express', purl: 'pkg:npm/express' },
      ranges: [
        { type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '4.20.0' }] },
        { type: 'SEMVER', events: [{ introduced: '5.0.0-alpha.1' }, { fixed: '5.0.0' }] },
      ],
    },
  ],
  database_specific: { cwe_ids: ['CWE-79'], severity: 'LOW', github_reviewed: true },
};

export const LODASH_PROTOTYPE_POLLUTION = {
  schema_version: '1.6.0',
  id: 'GHSA-jf85-cpcp-j695',
  modified: '2023-11-01T05:01:57Z',
  published: '2019-07-10T19:45:23Z',
  aliases: ['CVE-2019-10744'],
  summary: 'Prototype Pollution in lodash',
  details: 'Versions of lodash before 4.17.12 are vulnerable to Prototype Pollution.',
  affected: [{ package: { ecosystem: 'npm', name: 'lodash', purl: 'pkg:npm/lodash' }, ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '4.17.12' }] }] }],
  database_specific: { cwe_ids: ['CWE-1321', 'CWE-20'], severity: 'CRITICAL', github_reviewed: true },
};

/** Withdrawn: it must never be reported. */
export const WITHDRAWN_MINIMIST = {
  schema_version: '1.6.0',
  id: 'GHSA-vh95-rmgr-6w4m',
  modified: '2024-01-01T00:00:00Z',
  withdrawn: '2023-12-20T00:00:00Z',
  published: '2020-04-03T21:48:32Z',
  aliases: ['CVE-2020-7598'],
  summary: 'Prototype Pollution in minimist',
  affected: [{ package: { ecosystem: 'npm', name: 'minimist' }, ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '0.2.1' }] }] }],
  database_specific: { severity: 'MODERATE' },
};

export const DJANGO_REDOS_GHSA = {
  schema_version: '1.6.0',
  id: 'GHSA-jh3w-4vvf-mjgr',
  modified: '2024-09-20T00:00:00Z',
  published: '2023-07-03T15:30:58Z',
  aliases: ['CVE-2023-36053'],
  summary: 'Django has regular expression denial of service vulnerability in EmailValidator/URLValidator',
  affected: [
    {
      package: { ecosystem: 'PyPI', name: 'django', purl: 'pkg:pypi/django' },
      ranges: [
        { type: 'ECOSYSTEM', events: [{ introduced: '3.2' }, { fixed: '3.2.20' }] },
        { type: 'ECOSYSTEM', events: [{ introduced: '4.0' }, { fixed: '4.1.10' }] },
        { type: 'ECOSYSTEM', events: [{ introduced: '4.2' }, { fixed: '4.2.3' }] },
      ],
    },
  ],
  database_specific: { cwe_ids: ['CWE-1333'], severity: 'HIGH', github_reviewed: true },
};

/** The PYSEC twin of the Django advisory: no severity, exact versions, a GIT range; aliases the GHSA. */
export const DJANGO_REDOS_PYSEC = {
  id: 'PYSEC-2023-100',
  modified: '2023-07-11T00:00:00Z',
  published: '2023-07-03T13:15:00Z',
  aliases: ['CVE-2023-36053', 'GHSA-jh3w-4vvf-mjgr'],
  details: 'In Django 3.2 before 3.2.20, 4 before 4.1.10, and 4.2 before 4.2.3, EmailValidator and URLValidator are subject to a potential ReDoS.',
  affected: [
    {
      package: { name: 'django', ecosystem: 'PyPI', purl: 'pkg:pypi/django' },
      ranges: [
        { type: 'GIT', repo: 'https://github.com/django/django', events: [{ introduced: '0' }, { fixed: '454f2fb93437f98917283336201b4048293f7582' }] },
        { type: 'ECOSYSTEM', events: [{ introduced: '3.2' }, { fixed: '3.2.20' }, { introduced: '4.0' }, { fixed: '4.1.10' }, { introduced: '4.2' }, { fixed: '4.2.3' }] },
      ],
      versions: ['3.2', '3.2.1', '3.2.19', '4.1', '4.1.9', '4.2', '4.2.1', '4.2.2'],
    },
  ],
};

/** No fixed release yet (last_affected only). */
export const PY_REDOS_NO_FIX = {
  schema_version: '1.6.0',
  id: 'GHSA-w596-4wvx-j9j6',
  modified: '2024-05-01T00:00:00Z',
  published: '2022-10-16T12:00:23Z',
  aliases: ['CVE-2022-42969'],
  summary: 'ReDoS in py library when used with subversion',
  affected: [{ package: { ecosystem: 'PyPI', name: 'py' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { last_affected: '1.11.0' }] }] }],
  database_specific: { cwe_ids: ['CWE-1333'], severity: 'MODERATE', github_reviewed: true },
};

export const ALL_RECORDS = [EXPRESS_OPEN_REDIRECT, EXPRESS_REDIRECT_XSS, LODASH_PROTOTYPE_POLLUTION, WITHDRAWN_MINIMIST, DJANGO_REDOS_GHSA, DJANGO_REDOS_PYSEC, PY_REDOS_NO_FIX];
