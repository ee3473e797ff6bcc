// Loaded with `node --require` into every emulator the local cloud starts (dynalite, aws-ses-v2-local).
//
// 1. The child ends with its parent, however the parent dies (SIGKILL included): its stdin is a pipe whose
//    other end only the JVM holds, so end-of-file on stdin means the JVM is gone. As a second guard the
//    parent's pid is probed every second.
// 2. It tells the JVM when it really listens: one line per listening server on stdout (the child's log),
//    so a stale process holding the port cannot pass for a started emulator.
'use strict';

const fs = require('fs');
const net = require('net');

const parent = process.ppid;
let ending = false;

function end(reason) {
  if (ending) {
    return;
  }
  ending = true;
  try {
    fs.writeSync(1, `[prescreen-child] pid=${process.pid} exiting: ${reason}\n`);
  } catch (ignored) {
    // the log may be gone
  }
  process.exit(0);
}

process.stdin.on('end', () => end('the parent closed stdin'));
process.stdin.on('close', () => end('the parent closed stdin'));
process.stdin.on('error', () => end('stdin failed'));
process.stdin.resume();

const probe = setInterval(() => {
  try {
    process.kill(parent, 0);
  } catch (e) {
    if (e.code === 'ESRCH') {
      end('the parent process is gone');
    }
  }
}, 1000);
probe.unref();

const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  this.once('listening', () => {
    const address = this.address();
    if (address && typeof address === 'object') {
      fs.writeSync(1, `[prescreen-child] pid=${process.pid} listening on ${address.address}:${address.port}\n`);
    }
  });
  return listen.apply(this, args);
};
