// Runs on the audio thread: hands the microphone's samples to the page in blocks, untouched. The page decides what
// is speech and what is kept (speech.js); nothing here is recorded or sent.
class PcmTap extends AudioWorkletProcessor {
  constructor() {
    super();
    // About 43 ms at 48 kHz: few enough messages for the page, short enough for a prompt countdown.
    this.block = new Float32Array(2048);
    this.filled = 0;
  }

  process(inputs) {
    const channel = inputs[0] && inputs[0][0];
    if (channel) {
      for (let i = 0; i < channel.length; i++) {
        this.block[this.filled++] = channel[i];
        if (this.filled === this.block.length) {
          this.port.postMessage(this.block.slice(0));
          this.filled = 0;
        }
      }
    }
    return true;
  }
}

registerProcessor('pcm-tap', PcmTap);
