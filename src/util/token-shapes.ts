/**
 * The shapes of credentials that announce themselves: a fixed prefix, then a random body. Shared
 * by the secret detector (facts/secrets, which adds keywords, placeholders and severities) and by
 * redaction (util/redact.ts, which masks every one of them in every output, found or not).
 *
 * Each shape has exactly one capture group: the secret itself. No shape starts with a lazy or
 * unbounded quantifier; every one is anchored on its literal prefix.
 */
export const TOKEN_SHAPES = {
  awsAccessKeyId: /\b((?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16})\b/,
  gcpOauthClientSecret: /\b(GOCSPX-[A-Za-z0-9_-]{28})(?![A-Za-z0-9_-])/,
  googleApiKey: /\b(AIza[0-9A-Za-z_-]{35})(?![A-Za-z0-9_-])/,
  azureStorageKey: /AccountKey=([A-Za-z0-9+/]{40,100}={0,2})/,
  azureSharedAccessKey: /SharedAccessKey=([A-Za-z0-9+/]{30,100}={0,2})/,
  digitalOceanToken: /\b(do[opr]_v1_[a-f0-9]{64})\b/,
  databricksToken: /\b(dapi[a-f0-9]{32}(?:-\d)?)\b/,
  githubToken: /\b(gh[pousr]_[A-Za-z0-9]{36,251})\b/,
  githubFineGrainedToken: /\b(github_pat_[A-Za-z0-9_]{70,255})\b/,
  gitlabToken: /\b(gl(?:pat|ptt|dt|rt|soat|cbt|ffct)-[A-Za-z0-9_.-]{20,})(?![A-Za-z0-9_.-])/,
  gitlabRunnerToken: /\b(GR1348941[A-Za-z0-9_-]{20,})(?![A-Za-z0-9_-])/,
  npmToken: /\b(npm_[A-Za-z0-9]{36})\b/,
  pypiToken: /\b(pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,})(?![A-Za-z0-9_-])/,
  slackToken: /\b(xox[abposre](?:\.xox[bp])?-[0-9A-Za-z-]{10,250})(?![0-9A-Za-z-])/,
  slackAppToken: /\b(xapp-\d-[A-Z0-9]+-\d+-[a-z0-9]+)\b/,
  slackWebhook: /https:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\/([A-Za-z0-9+/_-]{20,})/,
  discordWebhook: /https:\/\/(?:ptb\.|canary\.)?discord(?:app)?\.com\/api\/webhooks\/\d+\/([A-Za-z0-9_-]{60,})/,
  teamsWebhook: /https:\/\/[a-z0-9-]+\.webhook\.office\.com\/webhookb2\/([A-Za-z0-9@/_-]{40,})/,
  telegramBotToken: /\b(\d{8,10}:AA[A-Za-z0-9_-]{33})(?![A-Za-z0-9_-])/,
  openaiKey: /\b(sk-(?:proj|svcacct|admin)-[A-Za-z0-9_-]{40,}|sk-[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20})(?![A-Za-z0-9_-])/,
  anthropicKey: /\b(sk-ant-(?:api|admin)\d\d-[A-Za-z0-9_-]{80,})(?![A-Za-z0-9_-])/,
  huggingFaceToken: /\b(hf_[A-Za-z]{34})\b/,
  groqKey: /\b(gsk_[A-Za-z0-9]{52})\b/,
  replicateToken: /\b(r8_[A-Za-z0-9]{37})\b/,
  stripeSecretKey: /\b((?:sk|rk)_live_[A-Za-z0-9]{20,247})\b/,
  stripeWebhookSecret: /\b(whsec_[A-Za-z0-9+/=]{32,})/,
  sendgridKey: /\b(SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/,
  mailgunKey: /\b(key-[0-9a-f]{32})\b/,
  shopifyToken: /\b(shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32})\b/,
  squareToken: /\b(sq0(?:atp|csp)-[0-9A-Za-z_-]{22,43})(?![0-9A-Za-z_-])/,
  linearKey: /\b(lin_api_[A-Za-z0-9]{40})\b/,
  newRelicKey: /\b(NRAK-[A-Z0-9]{27})\b/,
  supabaseToken: /\b(sbp_[a-f0-9]{40})\b/,
  postmanKey: /\b(PMAK-[a-f0-9]{24}-[a-f0-9]{34})\b/,
  dopplerToken: /\b(dp\.pt\.[A-Za-z0-9]{43})\b/,
  sentryToken: /\b(sntry[su]_[A-Za-z0-9+/=_]{50,})/,
  jwt: /\b(eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{16,})(?![A-Za-z0-9_-])/,
} as const satisfies Record<string, RegExp>;

export type TokenShape = keyof typeof TOKEN_SHAPES;

/** A global copy of a shape, for matchAll/replace (the table keeps non-global, stateless regexes). */
export function globalShape(shape: RegExp): RegExp {
  return new RegExp(shape.source, shape.flags.includes('g') ? shape.flags : `${shape.flags}g`);
}
