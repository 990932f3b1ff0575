#!/usr/bin/env node
'use strict';
// The CLI's bin is a thin shim: all behaviour lives in out/cli.js (built from src/cli/main.ts).
require('../out/cli.js').main();
