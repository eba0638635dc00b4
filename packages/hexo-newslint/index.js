// Hexo runs a plugin's main file as the body of a function given `hexo` (hexo/dist/hexo/index.js loadPlugin),
// in a vm script where import() is not available: the plugin itself is an ordinary CommonJS module.
require('./lib/plugin.js')(hexo);
