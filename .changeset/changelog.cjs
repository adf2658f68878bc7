// The changelog lines `changeset version` writes (see .changeset/config.json): @changesets/cli's own
// (`- <commit>: <summary>`), except that the dependency updates of a release get one "Updated dependencies" line
// naming each commit once. The stock one writes that line once per changeset behind the updates (eight identical
// lines for @livechatai/react's first release, whose dependencies' changesets share one commit) and none at all for
// a package bumped one step further down (the CLI through livechatai), leaving a bare list.
'use strict';

const stock = require('@changesets/cli/changelog');
const { getReleaseLine } = stock.default ?? stock;

async function getDependencyReleaseLine(changesets, dependenciesUpdated) {
  if (dependenciesUpdated.length === 0) return '';
  const commits = [
    ...new Set(changesets.flatMap((changeset) => (changeset.commit ? [changeset.commit.slice(0, 7)] : []))),
  ];
  const header = `- Updated dependencies${commits.length > 0 ? ` [${commits.join(', ')}]` : ''}`;
  return [header, ...dependenciesUpdated.map((dependency) => `  - ${dependency.name}@${dependency.newVersion}`)].join(
    '\n',
  );
}

module.exports = { getReleaseLine, getDependencyReleaseLine };
