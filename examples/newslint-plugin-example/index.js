// The plugin: its name (its rules are "example/<id>") and its rules, keyed by id.
import noNbspRun from './rules/no-nbsp-run.js';

export default {
  meta: { name: 'newslint-plugin-example', version: '1.0.0' },
  rules: {
    'no-nbsp-run': noNbspRun,
  },
};
