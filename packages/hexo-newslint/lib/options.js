'use strict';
// The plugin's settings: the `newslint` key of the site's _config.yml, checked, with the defaults filled in.

const FAIL_ON = ['error', 'warn', 'never'];
const DEFAULTS = { fix: true, failOn: 'never', config: null };

/**
 * Returns `{ options }`, or `{ error }` naming what is wrong: the plugin then fails every command that uses it
 * rather than let a site build pass unchecked.
 */
function readOptions(value) {
  if (value === undefined || value === null) return { options: { ...DEFAULTS } };
  if (typeof value !== 'object' || Array.isArray(value)) return { error: `"newslint" in _config.yml must be a map of options (fix, failOn, config), not ${show(value)}` };
  const unknown = Object.keys(value).filter((key) => !(key in DEFAULTS));
  if (unknown.length) return { error: `unknown option "newslint.${unknown[0]}" in _config.yml (the options are fix, failOn and config)` };
  const options = { ...DEFAULTS, ...value };
  if (typeof options.fix !== 'boolean') return { error: `newslint.fix in _config.yml must be true or false, not ${show(options.fix)}` };
  if (!FAIL_ON.includes(options.failOn)) return { error: `newslint.failOn in _config.yml must be error, warn or never, not ${show(options.failOn)}` };
  if (options.config !== null && (typeof options.config !== 'string' || options.config === '')) {
    return { error: `newslint.config in _config.yml must be the path of a newslint config file, not ${show(options.config)}` };
  }
  return { options };
}

const show = (value) => JSON.stringify(value) ?? String(value);

module.exports = { readOptions, FAIL_ON };
