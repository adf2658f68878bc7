// Every command and flag of `livechatai`, declared in one place. Actions load their module lazily
// (`await import('./commands/<group>.js')`), so `--help` and completion never load the SDK.
import { Argument, Command, InvalidArgumentError, Option } from 'commander';
import type { Context, GlobalOptions } from './internal/context.js';
import { EXIT_CODES_HELP } from './internal/exit-codes.js';

type Action = (ctx: Context, args: string[], opts: Record<string, unknown>) => Promise<void>;
type Module = Record<string, Action | undefined>;

const loaders: Record<string, () => Promise<unknown>> = {
  agents: () => import('./commands/agents.js'),
  contacts: () => import('./commands/contacts.js'),
  conversations: () => import('./commands/conversations.js'),
  messages: () => import('./commands/messages.js'),
  'data-sources': () => import('./commands/data-sources.js'),
  'ai-suggestions': () => import('./commands/ai-suggestions.js'),
  analytics: () => import('./commands/analytics.js'),
  chat: () => import('./commands/chat.js'),
  api: () => import('./commands/api.js'),
  complete: () => import('./commands/complete.js'),
  auth: () => import('./commands/auth.js'),
  completion: () => import('./commands/completion.js'),
};

export type ContextFactory = (globals: GlobalOptions) => Context;

export function intArg(name: string, min: number, max = Number.MAX_SAFE_INTEGER) {
  return (value: string): number => {
    if (!/^\d+$/.test(value.trim())) throw new InvalidArgumentError(`${name} must be a whole number.`);
    const n = Number(value);
    if (n < min || n > max)
      throw new InvalidArgumentError(`${name} must be between ${String(min)} and ${String(max)}.`);
    return n;
  };
}

const collectRepeat = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

export function buildProgram(version: string, makeContext: ContextFactory): Command {
  const program = new Command('livechatai');

  const action =
    (group: string, name: string) =>
    async (...received: unknown[]): Promise<void> => {
      const command = received[received.length - 1] as Command;
      const args = received
        .slice(0, -2)
        .flatMap((a) => (Array.isArray(a) ? (a as string[]) : typeof a === 'string' ? [a] : []));
      const load = loaders[group];
      if (load === undefined) throw new Error(`unknown command group ${group}`);
      const mod = (await load()) as Module;
      const fn = mod[name];
      if (fn === undefined) throw new Error(`command ${group} ${name} is not implemented`);
      const ctx = makeContext(command.optsWithGlobals<GlobalOptions>());
      if (ctx.globals.jq !== undefined) await (await import('./internal/jq.js')).checkJq(ctx.globals.jq);
      await fn(ctx, args, command.opts());
    };

  program
    .description('LiveChatAI from the terminal: every REST API v2 endpoint, streaming chat, bulk import and export.')
    .version(version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .option(
      '--json [fields]',
      'machine-readable JSON output (NDJSON for streams and exports); optionally only these comma-separated fields',
    )
    .option('--jq <expr>', 'filter the JSON output with a jq expression (implies --json)')
    .option('--api-key <key>', 'API key (prefer `livechatai login` or LIVECHATAI_API_KEY: flags are visible in ps)')
    .option('--base-url <url>', 'API base URL (default https://app.livechatai.com/api/v2)')
    .option('--profile <name>', 'named profile from the config file (default "default", or LIVECHATAI_PROFILE)')
    .option('--dry-run', 'print each request as a curl line (key masked) and send nothing')
    .option('--no-color', 'disable colours (NO_COLOR is honoured too)')
    .option('--timeout <ms>', 'per-request timeout in milliseconds', intArg('--timeout', 1))
    .option('--max-retries <n>', 'retries for transient failures (429, 5xx, network)', intArg('--max-retries', 0, 20))
    .showSuggestionAfterError(true)
    .addHelpText(
      'after',
      `
Configuration precedence: flags > LIVECHATAI_API_KEY / LIVECHATAI_BASE_URL / LIVECHATAI_PROFILE > profile.

${EXIT_CODES_HELP}`,
    );

  const paging = (cmd: Command, perPageMax = 100): Command =>
    cmd
      .option('--limit <n>', 'show this many items (default 30; pages are fetched as needed)', intArg('--limit', 1))
      .addOption(new Option('--all', 'show every item (all pages)').conflicts('limit'))
      .option('--page <n>', 'fetch only this page (1-based)', intArg('--page', 1))
      .option('--page-size <n>', `items per request (1-${String(perPageMax)})`, intArg('--page-size', 1, perPageMax));

  const conversationFilters = (cmd: Command): Command =>
    cmd
      .addOption(new Option('--sort <order>', 'by last message date').choices(['asc', 'desc']))
      .addOption(new Option('--status <status>', 'open or closed (close)').choices(['open', 'close']))
      .option('--start-date <date>', 'from this date (ISO date or Unix seconds)')
      .option('--end-date <date>', 'until this date (ISO date or Unix seconds)')
      .option('--assignee <userId>', 'assigned human user id, or "ai" for unassigned')
      .addOption(
        new Option('--sentiment <sentiment>', 'conversation sentiment').choices([
          'POSITIVE',
          'NEGATIVE',
          'NEUTRAL',
          'UNSPECIFIED',
        ]),
      )
      .option('--topic <topic>', 'topic name, e.g. billing')
      .addOption(
        new Option('--channel <channel>', 'integration or chat type').choices([
          'WHATSAPP',
          'SLACK',
          'MESSENGER',
          'FULLPAGE',
          'INLINECHAT',
          'PREVIEW',
          'ONBOARDING',
        ]),
      )
      .addOption(
        new Option('--resolution <resolution>', 'resolution').choices(['AIHelped', 'AIDidNotHelp', 'TalkToAgent']),
      )
      .option('--view <viewId>', 'apply a saved inbox view');

  // ---- agents (alias chatbots) ----
  const agents = program.command('agents').alias('chatbots').description('AI agents (chatbots) of the workspace');
  paging(agents.command('list').description('list agents')).action(action('agents', 'list'));
  agents
    .command('get')
    .description('retrieve an agent by id or slug')
    .argument('<agentIdOrSlug>', 'agent id or slug')
    .option('--embed', 'mark the request as coming from an embed (isEmbed=true, cached)')
    .action(action('agents', 'get'));
  agents
    .command('create')
    .description('create an agent')
    .requiredOption('--name <name>', 'agent name')
    .option('--live-chat', 'enable live chat (human handoff)')
    .option('--no-live-chat', 'disable live chat (the default)')
    .option('--image-sharing', 'enable image sharing')
    .option('--no-image-sharing', 'disable image sharing')
    .action(action('agents', 'create'));
  agents
    .command('delete')
    .description('delete an agent permanently (asks you to type its name; --yes when not on a terminal)')
    .argument('<agentId>', 'agent id')
    .option('-y, --yes', 'delete without asking (needed when stdin is not a terminal)')
    .action(action('agents', 'delete'));

  // ---- contacts ----
  const contacts = program.command('contacts').description('contacts (visitors) of an agent');
  contacts
    .command('upsert')
    .description('create a contact, or update it when it exists (matched by contact id, else agent + distinct id)')
    .requiredOption('--agent <agentId>', 'agent id')
    .requiredOption('--distinct-id <id>', 'your own id for the visitor')
    .option('--contact-id <id>', 'update this existing contact')
    .option('--user-hash <hash>', 'identity hash (required when secure identification is on)')
    .option('--name <name>', 'name')
    .option('--email <email>', 'email')
    .option('--phone <phone>', 'phone')
    .option('--attribute <key=value>', 'a custom attribute (repeatable)', collectRepeat)
    .option('--attributes <json>', 'custom attributes as a JSON object')
    .action(action('contacts', 'upsert'));
  paging(
    contacts.command('list').description('list contacts of an agent').requiredOption('--agent <agentId>', 'agent id'),
  ).action(action('contacts', 'list'));
  contacts
    .command('get')
    .description('retrieve a contact')
    .argument('<contactId>', 'contact id')
    .action(action('contacts', 'get'));
  paging(
    conversationFilters(
      contacts
        .command('conversations')
        .description("list one contact's conversations")
        .argument('<contactId>', 'contact id'),
    ),
  ).action(action('contacts', 'conversations'));
  contacts
    .command('import')
    .description('create or update many contacts from a .csv (header row) or .jsonl file')
    .argument('<file>', 'a .csv or .jsonl file')
    .requiredOption('--agent <agentId>', 'agent id')
    .addOption(new Option('--format <format>', 'file format (default: from the extension)').choices(['csv', 'jsonl']))
    .option('--concurrency <n>', 'requests in flight (default 8)', intArg('--concurrency', 1, 64))
    .option('--report <file>', 'also write each failed row as NDJSON to this file')
    .addHelpText(
      'after',
      `
Columns: distinctId (required), contactId, userHash, name, email, phone, attributes (a JSON object);
any other column becomes a custom attribute of that name. Empty cells are not sent.
Created vs updated: the agent's contacts are listed first; a returned contact id that existed
before (or earlier in the file) counts as updated, a new one as created.`,
    )
    .action(action('contacts', 'import'));
  contacts
    .command('export')
    .description('write every contact of an agent as CSV or JSONL, in the columns `contacts import` reads')
    .requiredOption('--agent <agentId>', 'agent id')
    .addOption(new Option('--format <format>', 'output format').choices(['csv', 'jsonl']).default('csv'))
    .option('--out <file>', 'write to this file instead of stdout')
    .option('--no-attributes', 'skip custom attributes (one request per page instead of one per contact)')
    .option('--limit <n>', 'stop after this many contacts', intArg('--limit', 1))
    .addHelpText(
      'after',
      `
Columns: distinctId, name, email, phone, country, attributes (a JSON object). The list endpoint has no
attributes, so each contact is retrieved for them (8 at a time) unless --no-attributes. There is no id
column: importing the file matches contacts by distinctId, into the same agent or another one.`,
    )
    .action(action('contacts', 'export'));

  // ---- conversations ----
  const conversations = program.command('conversations').description('conversations of an agent');
  paging(
    conversationFilters(
      conversations
        .command('list')
        .description('list conversations')
        .requiredOption('--agent <agentId>', 'agent id')
        .addOption(new Option('--type <type>', 'inbox').choices(['unassigned', 'your-inbox', 'all'])),
    ),
  ).action(action('conversations', 'list'));
  conversations
    .command('get')
    .description('retrieve a conversation with its messages')
    .argument('<conversationId>', 'conversation id')
    .action(action('conversations', 'get'));
  conversations
    .command('reply')
    .description('reply as a human agent')
    .argument('<conversationId>', 'conversation id')
    .requiredOption('--message <text>', 'the reply text')
    .option('--user <userId>', 'the human user sending the reply')
    .addOption(new Option('--message-type <type>', 'message type').choices(['TEXT', 'IMAGE']))
    .action(action('conversations', 'reply'));
  conversations
    .command('end')
    .description('end (resolve) a conversation')
    .argument('<conversationId>', 'conversation id')
    .option('--user <userId>', 'the human user ending it (default: the assignee, else the workspace owner)')
    .action(action('conversations', 'end'));
  paging(
    conversations
      .command('views')
      .description('list saved inbox views')
      .requiredOption('--agent <agentId>', 'agent id')
      .option('--search <text>', 'search views by name'),
  ).action(action('conversations', 'views'));
  conversationFilters(
    conversations
      .command('export')
      .description('stream every conversation (all pages) as JSONL or CSV to stdout or --out')
      .requiredOption('--agent <agentId>', 'agent id')
      .addOption(new Option('--format <format>', 'output format').choices(['jsonl', 'csv']).default('jsonl'))
      .option('--out <file>', 'write to this file instead of stdout')
      .option('--with-messages', 'JSONL only: include each conversation with its messages (one extra request each)')
      .addOption(new Option('--type <type>', 'inbox').choices(['unassigned', 'your-inbox', 'all']))
      .option('--limit <n>', 'stop after this many conversations', intArg('--limit', 1))
      .option('--page-size <n>', 'conversations per request (1-100, default 100)', intArg('--page-size', 1, 100)),
  ).action(action('conversations', 'export'));

  // ---- messages ----
  const messages = program.command('messages').description('visitor messages to an AI agent');
  messages
    .command('send')
    .description('send a visitor message and print the AI answer')
    .requiredOption('--agent <agentId>', 'agent id')
    .requiredOption('--question <text>', 'the visitor message')
    .option('--conversation <conversationId>', 'continue this conversation (default: start a new one)')
    .option('--contact <contactId>', 'associate this contact')
    .addOption(new Option('--message-type <type>', 'message type').choices(['TEXT', 'IMAGE']))
    .option('--ip <ip>', 'visitor IP address')
    .option('--country <code>', 'visitor country code')
    .addOption(new Option('--response-format <format>', 'answer format').choices(['MARKDOWN', 'PLAIN']))
    .addOption(new Option('--integration-type <type>', 'integration').choices(['WHATSAPP', 'SLACK']))
    .option('--stream', 'stream the answer as it arrives (NDJSON events with --json)')
    .action(action('messages', 'send'));
  messages
    .command('list')
    .description("list a conversation's messages")
    .argument('<conversationId>', 'conversation id')
    .action(action('messages', 'list'));

  // ---- data sources ----
  const sourceTypes = ['WEBSITE', 'TEXT', 'QA', 'PDF', 'DOCX', 'IMAGE'];
  const dataSources = program.command('data-sources').description('knowledge the agent answers from');
  paging(
    dataSources
      .command('list')
      .description('list data sources')
      .requiredOption('--agent <agentId>', 'agent id')
      .addOption(new Option('--source <type>', 'only this source type').choices(['ALL', ...sourceTypes])),
  ).action(action('data-sources', 'list'));
  dataSources
    .command('add-text')
    .description('add a text data source')
    .requiredOption('--agent <agentId>', 'agent id')
    .requiredOption('--title <title>', 'title')
    .requiredOption('--content <text>', 'the text ("-" reads stdin)')
    .action(action('data-sources', 'addText'));
  dataSources
    .command('add-url')
    .description('add a web page')
    .requiredOption('--agent <agentId>', 'agent id')
    .requiredOption('--url <url>', 'page URL')
    .action(action('data-sources', 'addUrl'));
  dataSources
    .command('add-qa')
    .description('add a question and answer')
    .requiredOption('--agent <agentId>', 'agent id')
    .requiredOption('--question <text>', 'question')
    .requiredOption('--answer <text>', 'answer')
    .option('--generated-by-ai', 'mark the Q&A as AI-generated')
    .option('--related-message <messageId>', 'the chat message this Q&A answers')
    .action(action('data-sources', 'addQa'));
  dataSources
    .command('add-file')
    .description('extract the text of a .txt, .md, .html or .pdf file and add it')
    .argument('<path>', 'the file')
    .requiredOption('--agent <agentId>', 'agent id')
    .option('--title <title>', 'title (default: the HTML <title> or the file name)')
    .addOption(
      new Option(
        '--file-type <type>',
        'file type to record (default: pdf for .pdf, else the text is added as a TEXT source)',
      ).choices(['pdf', 'docx', 'image']),
    )
    .action(action('data-sources', 'addFile'));
  dataSources
    .command('delete')
    .description('delete one or many data sources')
    .requiredOption('--agent <agentId>', 'agent id')
    .addOption(new Option('--source <type>', 'source type of the ids').choices(sourceTypes).makeOptionMandatory())
    .option('--id <id>', 'one data source id')
    .option('--ids <id...>', 'several data source ids')
    .option('-y, --yes', 'delete without asking (needed when stdin is not a terminal)')
    .action(action('data-sources', 'delete'));

  // ---- AI suggestions ----
  const suggestions = program.command('ai-suggestions').description('improvement ideas drawn from conversations');
  paging(
    suggestions
      .command('list')
      .description('list AI suggestions')
      .requiredOption('--agent <agentId>', 'agent id')
      .option('--start-date <datetime>', 'created after (ISO date-time)')
      .option('--end-date <datetime>', 'created before (ISO date-time)'),
  ).action(action('ai-suggestions', 'list'));
  suggestions
    .command('get')
    .description('retrieve a suggestion')
    .argument('<suggestionId>', 'id')
    .action(action('ai-suggestions', 'get'));
  suggestions
    .command('dismiss')
    .description('dismiss a suggestion (it stops appearing in the list)')
    .argument('<suggestionId>', 'id')
    .action(action('ai-suggestions', 'dismiss'));

  // ---- analytics ----
  const analytics = program.command('analytics').description('analytics of an agent over a date range');
  const period = (cmd: Command): Command =>
    cmd
      .requiredOption('--agent <agentId>', 'agent id')
      .requiredOption('--start-date <YYYY-MM-DD>', 'first day')
      .requiredOption('--end-date <YYYY-MM-DD>', 'last day')
      .option('--timezone <iana>', 'IANA time zone, e.g. Europe/Berlin');
  period(analytics.command('overview').description('conversations, resolutions, responses, daily series')).action(
    action('analytics', 'overview'),
  );
  period(analytics.command('agent').description('human-agent performance'))
    .option('--user <userId>', 'only this human user')
    .action(action('analytics', 'agent'));
  period(analytics.command('ai-functions').description('AI function call success rates')).action(
    action('analytics', 'aiFunctions'),
  );
  period(analytics.command('csat').description('CSAT scores and feedback'))
    .option('--page <n>', 'feedback page', intArg('--page', 1))
    .option('--page-size <n>', 'feedback per page (1-100)', intArg('--page-size', 1, 100))
    .action(action('analytics', 'csat'));
  period(analytics.command('sentiments').description('daily sentiment breakdown')).action(
    action('analytics', 'sentiments'),
  );
  period(analytics.command('topics').description('daily topic breakdown'))
    .option('--all-topics', 'every topic, not only the top 6')
    .action(action('analytics', 'topics'));

  // ---- chat ----
  program
    .command('chat')
    .description('chat with an agent; answers stream as they arrive (Ctrl-C stops an answer, again exits)')
    .argument('<agentId>', 'agent id')
    .option('--once <question>', 'ask one question, print the answer and exit')
    .option('--conversation <conversationId>', 'continue this conversation')
    .option('--contact <contactId>', 'chat as this contact')
    .addOption(new Option('--response-format <format>', 'answer format').choices(['MARKDOWN', 'PLAIN']))
    .option(
      '--poll-interval <ms>',
      "how often to look for a team member's reply (default 2000; 0: never)",
      intArg('--poll-interval', 0),
    )
    .addHelpText(
      'after',
      `
In the chat: /help lists the commands, /new starts a new conversation, /exit (or Ctrl-D) leaves.
Answers are rendered as Markdown on a terminal. A reply a team member sends to the conversation
(e.g. \`livechatai conversations reply\`) appears while the chat is open. The conversation id is
printed on stderr when the chat ends, however it ends.`,
    )
    .action(action('chat', 'chat'));

  // ---- configuration ----
  program
    .command('login')
    .description('store an API key (and API URL) in a profile; asks on a terminal, reads the key from stdin otherwise')
    .addHelpText(
      'after',
      `
On a terminal, without --base-url or LIVECHATAI_BASE_URL, login asks for the API URL and offers a local
emulator when one answers at http://127.0.0.1:4010/api/v2 (LIVECHATAI_EMULATOR_URL to look elsewhere).
The key is checked with one request before it is stored.`,
    )
    .action(action('auth', 'login'));
  program.command('logout').description('remove the stored profile').action(action('auth', 'logout'));
  const config = program.command('config').description('configuration');
  config.command('show').description('show the configuration in effect (key masked)').action(action('auth', 'show'));
  config.command('path').description('print the config file path').action(action('auth', 'path'));

  program
    .command('completion')
    .description('print a shell completion script')
    .addArgument(new Argument('<shell>', 'shell').choices(['bash', 'zsh', 'fish', 'powershell']))
    .addHelpText(
      'after',
      `
Install:
  bash:        livechatai completion bash > ~/.local/share/bash-completion/completions/livechatai
  zsh:         livechatai completion zsh > "\${fpath[1]}/_livechatai"
  fish:        livechatai completion fish > ~/.config/fish/completions/livechatai.fish
  PowerShell:  livechatai completion powershell >> $PROFILE

Agent ids (--agent, chat, agents get/delete) are completed from the API with your key: cached for
5 minutes, and given up after 1.5 s.`,
    )
    .action(action('completion', 'completion'));

  program
    .command('__complete', { hidden: true })
    .argument('<what>', 'agents')
    .addOption(new Option('--shell <shell>').choices(['bash', 'zsh', 'fish', 'powershell']))
    .action(action('complete', 'complete'));

  // ---- raw API calls ----
  program
    .command('api')
    .description('call any API endpoint with your key and the SDK retries; prints the JSON response')
    .argument('<method>', 'GET, POST, PUT, PATCH or DELETE')
    .argument('<path>', 'endpoint path, e.g. /agents or "/contacts?agentId=clx123" (relative to the base URL)')
    .option(
      '-f, --raw-field <key=value>',
      'a string parameter (repeatable): the query of a GET, else the JSON body',
      collectRepeat,
    )
    .option(
      '-F, --field <key=value>',
      'a typed parameter (repeatable): true/false/null/numbers as JSON, @file reads a file, @- stdin',
      collectRepeat,
    )
    .option('-H, --header <name:value>', 'an extra request header (repeatable)', collectRepeat)
    .option('--input <file>', 'the JSON request body from a file ("-": stdin); fields then go into the query')
    .option('--paginate', "GET: follow every page (any of the API's four paging schemes), printing each as it arrives")
    .option('--slurp', 'with --paginate: print one JSON array of all pages')
    .addHelpText(
      'after',
      `
Keys nest like gh's: -f 'attributes[plan]=pro' sets an object member, -f 'ids[]=ds_1' appends to an array.
A path starting with the base URL's path (/api/v2/…) is accepted too. An error response's body is printed
on stdout and the error on stderr, with the usual exit codes. --jq filters each page's JSON.`,
    )
    .action(action('api', 'api'));

  finishHelp(program);

  return program;
}

/** Examples shown at the end of each command's --help, by command path. */
export const EXAMPLES: Record<string, readonly string[]> = {
  '': [
    'livechatai login',
    'livechatai agents list',
    'livechatai chat clx123',
    "livechatai api GET /agents --jq '.data[].name'",
  ],
  agents: ['livechatai agents list --all', 'livechatai agents get support-bot'],
  'agents list': [
    'livechatai agents list',
    'livechatai agents list --all --json id,name',
    "livechatai agents list --jq '.[].id'",
  ],
  'agents get': ['livechatai agents get clx123', 'livechatai agents get support-bot --embed --json id,name'],
  'agents create': ['livechatai agents create --name "Support" --live-chat --image-sharing'],
  'agents delete': [
    "livechatai agents delete clx123            # asks you to type the agent's name",
    'livechatai agents delete clx123 --yes      # in scripts',
  ],
  contacts: ['livechatai contacts list --agent clx123', 'livechatai contacts export --agent clx123 > contacts.csv'],
  'contacts upsert': [
    'livechatai contacts upsert --agent clx123 --distinct-id user-42 --name Ada --attribute plan=pro',
  ],
  'contacts list': [
    'livechatai contacts list --agent clx123 --limit 100',
    'livechatai contacts list --agent clx123 --all --json id,email',
  ],
  'contacts get': ['livechatai contacts get contact_123'],
  'contacts conversations': ['livechatai contacts conversations contact_123 --status open --sort desc'],
  'contacts import': [
    'livechatai contacts import people.csv --agent clx123',
    'livechatai contacts import people.jsonl --agent clx123 --concurrency 4 --report failed.ndjson',
  ],
  'contacts export': [
    'livechatai contacts export --agent clx123 --out contacts.csv',
    'livechatai contacts export --agent clx123 --format jsonl --out c.jsonl && livechatai contacts import c.jsonl --agent clx456',
  ],
  conversations: [
    'livechatai conversations list --agent clx123 --status open',
    'livechatai conversations export --agent clx123 > all.jsonl',
  ],
  'conversations list': [
    'livechatai conversations list --agent clx123 --status open --channel WHATSAPP',
    'livechatai conversations list --agent clx123 --all --json id,lastMessageDate',
  ],
  'conversations get': ['livechatai conversations get chat_123'],
  'conversations reply': ['livechatai conversations reply chat_123 --message "Happy to help" --user user_1'],
  'conversations end': ['livechatai conversations end chat_123'],
  'conversations views': ['livechatai conversations views --agent clx123 --search billing'],
  'conversations export': [
    'livechatai conversations export --agent clx123 --format csv --out conversations.csv',
    'livechatai conversations export --agent clx123 --with-messages --limit 100',
  ],
  messages: ['livechatai messages send --agent clx123 --question "What are your hours?"'],
  'messages send': [
    'livechatai messages send --agent clx123 --question "What are your hours?"',
    'livechatai messages send --agent clx123 --question "And on Sunday?" --conversation chat_123 --stream',
  ],
  'messages list': ['livechatai messages list chat_123'],
  'data-sources': [
    'livechatai data-sources list --agent clx123',
    'livechatai data-sources add-file manual.pdf --agent clx123',
  ],
  'data-sources list': ['livechatai data-sources list --agent clx123 --source PDF'],
  'data-sources add-text': [
    'livechatai data-sources add-text --agent clx123 --title "Shipping" --content "We ship in 3 days."',
    'livechatai data-sources add-text --agent clx123 --title "Policy" --content - < policy.txt',
  ],
  'data-sources add-url': ['livechatai data-sources add-url --agent clx123 --url https://example.com/about'],
  'data-sources add-qa': [
    'livechatai data-sources add-qa --agent clx123 --question "Refunds?" --answer "Within 30 days."',
  ],
  'data-sources add-file': [
    'livechatai data-sources add-file manual.pdf --agent clx123',
    'livechatai data-sources add-file notes.md --agent clx123 --title "Notes"',
  ],
  'data-sources delete': [
    'livechatai data-sources delete --agent clx123 --source TEXT --ids ds_1 ds_2',
    'livechatai data-sources delete --agent clx123 --source QA --id ds_3 --yes',
  ],
  'ai-suggestions': ['livechatai ai-suggestions list --agent clx123'],
  'ai-suggestions list': ['livechatai ai-suggestions list --agent clx123 --start-date 2025-01-01T00:00:00Z'],
  'ai-suggestions get': ['livechatai ai-suggestions get msg_123'],
  'ai-suggestions dismiss': ['livechatai ai-suggestions dismiss msg_123'],
  analytics: ['livechatai analytics overview --agent clx123 --start-date 2025-01-01 --end-date 2025-01-31'],
  'analytics overview': [
    'livechatai analytics overview --agent clx123 --start-date 2025-01-01 --end-date 2025-01-31 --timezone Europe/Berlin',
  ],
  'analytics agent': [
    'livechatai analytics agent --agent clx123 --start-date 2025-01-01 --end-date 2025-01-31 --user user_1',
  ],
  'analytics ai-functions': [
    'livechatai analytics ai-functions --agent clx123 --start-date 2025-01-01 --end-date 2025-01-31',
  ],
  'analytics csat': [
    'livechatai analytics csat --agent clx123 --start-date 2025-01-01 --end-date 2025-01-31 --page 2 --page-size 20',
  ],
  'analytics sentiments': [
    'livechatai analytics sentiments --agent clx123 --start-date 2025-01-01 --end-date 2025-01-31',
  ],
  'analytics topics': [
    'livechatai analytics topics --agent clx123 --start-date 2025-01-01 --end-date 2025-01-31 --all-topics',
  ],
  chat: [
    'livechatai chat clx123',
    'livechatai chat clx123 --once "Do you ship to Canada?"',
    'livechatai chat clx123 --conversation chat_123',
  ],
  login: [
    'livechatai login',
    'echo "$KEY" | livechatai login --base-url https://app.livechatai.com/api/v2',
    'livechatai --profile local login --base-url http://127.0.0.1:4010/api/v2',
  ],
  logout: ['livechatai logout', 'livechatai --profile staging logout'],
  config: ['livechatai config show', 'livechatai config path'],
  'config show': ['livechatai config show', 'livechatai --profile staging config show --json'],
  'config path': ['livechatai config path'],
  completion: [
    'livechatai completion bash > ~/.local/share/bash-completion/completions/livechatai',
    'livechatai completion fish > ~/.config/fish/completions/livechatai.fish',
  ],
  api: [
    'livechatai api GET /agents',
    "livechatai api GET /contacts -f agentId=clx123 --paginate --jq '.data[].id'",
    'livechatai api POST /data-sources/qa -f agentId=clx123 -f question="Refunds?" -f answer="Within 30 days."',
    "livechatai api DELETE /data-sources -f agentId=clx123 -f source=TEXT -f 'ids[]=ds_1'",
    'livechatai api POST /contacts --input contact.json',
  ],
};

function commandPath(command: Command): string {
  const names: string[] = [];
  for (let c = command; c.parent; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

/**
 * Every command gets its examples at the end of --help, and its required flags in the usage line
 * (`--agent <agentId> [options]`) and marked "(required)" in the option list.
 */
function finishHelp(program: Command): void {
  const visit = (command: Command): void => {
    const examples = EXAMPLES[commandPath(command)];
    if (examples !== undefined)
      command.addHelpText('after', `\nExamples:\n${examples.map((e) => `  $ ${e}`).join('\n')}`);
    const required = command.options.filter((o) => o.mandatory);
    if (required.length > 0) {
      for (const o of required) o.description = `${o.description} (required)`;
      const args = command.registeredArguments.map((a) => {
        const name = `${a.name()}${a.variadic ? '...' : ''}`;
        return a.required ? `<${name}>` : `[${name}]`;
      });
      command.usage([...required.map((o) => o.flags.replace(/^-\w, /, '')), '[options]', ...args].join(' '));
    }
    command.commands.forEach(visit);
  };
  visit(program);
}
