// The package's `rightslint/rehype` entry (package.json `exports`, a build entry point): the plugin lives with the engine.
export { default, type RehypeRightslintOptions } from './engine/rehype.js';
