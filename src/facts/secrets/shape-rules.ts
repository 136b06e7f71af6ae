import { TOKEN_SHAPES } from '../../util/token-shapes.js';
import type { SecretRule, SecretSeverity } from './rule-types.js';

function rule(id: string, title: string, severity: SecretSeverity, keywords: readonly string[], pattern: RegExp, revoke: string, extra: Partial<SecretRule> = {}): SecretRule {
  return { id, title, severity, keywords, pattern, revoke, ...extra };
}

const S = TOKEN_SHAPES;

/**
 * Credentials recognised by their shape: a provider's prefix and a random body. A live one in the
 * repository is critical; identifiers and keys that are public by design in a browser are moderate.
 */
export const SHAPE_RULES: readonly SecretRule[] = [
  // Cloud
  rule('aws-access-key-id', 'AWS access key ID', 'moderate', ['akia', 'asia', 'abia', 'acca'], S.awsAccessKeyId, 'the AWS IAM console (deactivate the key, then delete it)'),
  rule(
    'aws-secret-access-key',
    'AWS secret access key',
    'critical',
    ['aws_secret', 'aws-secret', 'secret_access_key', 'secretaccesskey', 'secret-access-key'],
    /(?:aws_?secret_?(?:access_?)?key|secret_?access_?key)["']?\s*[:=]\s*["']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+])/i,
    'the AWS IAM console (deactivate the key, then delete it)',
  ),
  rule('gcp-oauth-client-secret', 'Google OAuth client secret', 'critical', ['gocspx-'], S.gcpOauthClientSecret, 'the Google Cloud console (APIs & Services > Credentials)'),
  rule('google-api-key', 'Google API key', 'moderate', ['aiza'], S.googleApiKey, 'the Google Cloud console (restrict it to your domains and APIs, or regenerate it)'),
  rule('azure-storage-account-key', 'Azure storage account key', 'critical', ['accountkey='], S.azureStorageKey, 'the Azure portal (storage account > Access keys > Rotate)'),
  rule('azure-shared-access-key', 'Azure shared access key', 'critical', ['sharedaccesskey='], S.azureSharedAccessKey, 'the Azure portal (Shared access policies > regenerate)'),
  rule('digitalocean-token', 'DigitalOcean token', 'critical', ['dop_v1_', 'doo_v1_', 'dor_v1_'], S.digitalOceanToken, 'the DigitalOcean control panel (API > Tokens)'),
  rule('databricks-token', 'Databricks access token', 'critical', ['dapi'], S.databricksToken, 'Databricks (User Settings > Access tokens)'),
  // Code hosting and registries
  rule('github-token', 'GitHub token', 'critical', ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'], S.githubToken, 'GitHub (Settings > Developer settings > Tokens)'),
  rule('github-fine-grained-token', 'GitHub fine-grained token', 'critical', ['github_pat_'], S.githubFineGrainedToken, 'GitHub (Settings > Developer settings > Fine-grained tokens)'),
  rule('gitlab-token', 'GitLab token', 'critical', ['glpat-', 'glptt-', 'gldt-', 'glrt-', 'glsoat-', 'glcbt-', 'glffct-'], S.gitlabToken, 'GitLab (User Settings > Access Tokens)'),
  rule('gitlab-runner-token', 'GitLab runner registration token', 'critical', ['gr1348941'], S.gitlabRunnerToken, 'GitLab (CI/CD settings > Runners > reset the registration token)'),
  rule('npm-token', 'npm access token', 'critical', ['npm_'], S.npmToken, 'npmjs.com (Access Tokens > Delete)'),
  rule('pypi-token', 'PyPI API token', 'critical', ['pypi-agei'], S.pypiToken, 'pypi.org (Account settings > API tokens)'),
  // Messaging
  rule('slack-token', 'Slack token', 'critical', ['xoxa-', 'xoxb-', 'xoxp-', 'xoxo-', 'xoxr-', 'xoxs-', 'xoxe-', 'xoxe.'], S.slackToken, 'the Slack app settings (OAuth & Permissions > revoke / reinstall)', {
    judge: (match) => (/\d/.test(match[1] ?? '') && (match[1] ?? '').length >= 24 ? undefined : false),
  }),
  rule('slack-app-token', 'Slack app-level token', 'critical', ['xapp-'], S.slackAppToken, 'the Slack app settings (Basic Information > App-Level Tokens)'),
  rule('slack-webhook', 'Slack incoming webhook URL', 'moderate', ['hooks.slack.com'], S.slackWebhook, 'the Slack app settings (Incoming Webhooks > remove the webhook, add a new one)'),
  rule('discord-webhook', 'Discord webhook URL', 'moderate', ['discord.com/api/webhooks', 'discordapp.com/api/webhooks'], S.discordWebhook, 'the Discord channel settings (Integrations > Webhooks > delete)'),
  rule('discord-bot-token', 'Discord bot token', 'critical', ['discord'], /\b([MNO][A-Za-z0-9_-]{23,27}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,40})(?![A-Za-z0-9_-])/, 'the Discord developer portal (Bot > Reset Token)', { scope: 'file' }),
  rule('teams-webhook', 'Microsoft Teams webhook URL', 'moderate', ['webhook.office.com'], S.teamsWebhook, 'the Teams channel connectors (remove the incoming webhook)'),
  rule('telegram-bot-token', 'Telegram bot token', 'critical', [':aa'], S.telegramBotToken, 'BotFather (/revoke)'),
  // AI providers
  rule('openai-api-key', 'OpenAI API key', 'critical', ['sk-proj-', 'sk-svcacct-', 'sk-admin-', 't3blbkfj'], S.openaiKey, 'the OpenAI dashboard (API keys > Revoke)'),
  rule('anthropic-api-key', 'Anthropic API key', 'critical', ['sk-ant-'], S.anthropicKey, 'the Anthropic console (API Keys > Delete)'),
  rule('huggingface-token', 'Hugging Face token', 'critical', ['hf_'], S.huggingFaceToken, 'Hugging Face (Settings > Access Tokens)'),
  rule('groq-api-key', 'Groq API key', 'critical', ['gsk_'], S.groqKey, 'the Groq console (API Keys)'),
  rule('replicate-token', 'Replicate API token', 'critical', ['r8_'], S.replicateToken, 'Replicate (Account > API tokens)'),
  // Payments, email and SaaS
  rule('stripe-secret-key', 'Stripe live secret key', 'critical', ['sk_live_', 'rk_live_'], S.stripeSecretKey, 'the Stripe dashboard (Developers > API keys > Roll key)'),
  rule('stripe-webhook-secret', 'Stripe webhook signing secret', 'critical', ['whsec_'], S.stripeWebhookSecret, 'the Stripe dashboard (Developers > Webhooks > Roll secret)'),
  rule('sendgrid-api-key', 'SendGrid API key', 'critical', ['sg.'], S.sendgridKey, 'SendGrid (Settings > API Keys > Delete)'),
  rule('twilio-api-key', 'Twilio API key', 'critical', ['twilio'], /\b(SK[0-9a-fA-F]{32})\b/, 'the Twilio console (API keys & tokens)', { scope: 'file' }),
  rule('mailgun-api-key', 'Mailgun API key', 'critical', ['key-'], S.mailgunKey, 'Mailgun (API Security > rotate the key)'),
  rule('shopify-token', 'Shopify access token', 'critical', ['shpat_', 'shpca_', 'shppa_', 'shpss_'], S.shopifyToken, 'the Shopify admin (Apps > uninstall/rotate the app credentials)'),
  rule('square-token', 'Square access token', 'critical', ['sq0atp-', 'sq0csp-'], S.squareToken, 'the Square developer dashboard (Credentials > Replace)'),
  rule('linear-api-key', 'Linear API key', 'critical', ['lin_api_'], S.linearKey, 'Linear (Settings > API > revoke)'),
  rule('newrelic-user-key', 'New Relic user API key', 'critical', ['nrak-'], S.newRelicKey, 'New Relic (API keys > delete)'),
  rule('supabase-access-token', 'Supabase access token', 'critical', ['sbp_'], S.supabaseToken, 'Supabase (Account > Access Tokens)'),
  rule('postman-api-key', 'Postman API key', 'critical', ['pmak-'], S.postmanKey, 'Postman (Settings > API keys)'),
  rule('doppler-token', 'Doppler token', 'critical', ['dp.pt.'], S.dopplerToken, 'the Doppler dashboard (Access > revoke)'),
  rule('sentry-auth-token', 'Sentry auth token', 'critical', ['sntrys_', 'sntryu_'], S.sentryToken, 'Sentry (Settings > Auth Tokens)'),
];
