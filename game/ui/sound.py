"""The window's few sounds, made in code at start-up: no sound files ship with the game.

`Sound` opens pygame's mixer and synthesises, with the `array` module and a fixed-seed
`random.Random` (never the global one), four short effects and one ambient loop:

    click   a soft tick (~30 ms)                    for buttons and list items
    select  a typewriter-like key strike (~60 ms)   for choosing an option
    page    a paper rustle (~200 ms)                for turning to a new card or report
    stamp   a low thud (~150 ms)                    for a decision being stamped
    ambient a quiet wind (~4 s, loops seamlessly)   under the whole game, very low

Samples are 16-bit at 22050 Hz when the mixer accepts that; they are built for whatever
rate, sample format and channel count `pygame.mixer.get_init()` reports.

It fails gracefully: where there is no audio device, or the mixer or a sound cannot be made,
`available` is False and every method is a silent no-op. No method ever raises, so the game
plays the same (silently) on a classroom machine with no sound card.
"""

from __future__ import annotations

import math
import random
from array import array

import pygame

FREQUENCY = 22050
SEED = 1929

# How loud each sound is relative to the master volume.
_GAINS = {"click": 0.45, "select": 0.6, "page": 0.5, "stamp": 0.9}
_AMBIENT_GAIN = 0.22


class Sound:
    """The game's sound effects and ambient loop; a silent no-op where audio is unavailable."""

    def __init__(self, enabled: bool = True, volume: float = 0.7) -> None:
        self.available = False
        self.enabled = bool(enabled)
        self.volume = _clamp(volume)
        self.generation_ms = 0.0
        self._sounds: dict[str, pygame.mixer.Sound] = {}
        self._ambient: pygame.mixer.Sound | None = None
        self._ambient_channel: pygame.mixer.Channel | None = None
        self._ambient_wanted = False
        try:
            if not pygame.mixer.get_init():
                pygame.mixer.init(frequency=FREQUENCY, size=-16, channels=2, buffer=1024)
            spec = pygame.mixer.get_init()
            if not spec:
                return
            self._build(*spec)
        except (pygame.error, OSError, ValueError, TypeError, MemoryError):
            self._sounds = {}
            self._ambient = None
            return
        self.available = True
        self._apply_volume()

    # --- the public interface: every method is safe to call in any state -------------------

    def play(self, name: str) -> None:
        """Play one effect by name ('click', 'select', 'page', 'stamp'); unknown names are ignored."""
        if not (self.available and self.enabled):
            return
        snd = self._sounds.get(name)
        if snd is None:
            return
        try:
            snd.play()
        except pygame.error:
            pass

    def set_enabled(self, enabled: bool) -> None:
        """Turn all sound on or off; the ambient loop resumes if it had been started."""
        self.enabled = bool(enabled)
        if not self.available:
            return
        if self.enabled:
            if self._ambient_wanted:
                self._start_ambient_channel()
        else:
            self._stop_all()

    def set_volume(self, volume: float) -> None:
        """The master volume, 0 to 1 (values outside are clamped)."""
        self.volume = _clamp(volume)
        if self.available:
            self._apply_volume()

    def start_ambient(self) -> None:
        """Start the wind loop (quiet, endless); a no-op while disabled, until re-enabled."""
        self._ambient_wanted = True
        if self.available and self.enabled:
            self._start_ambient_channel()

    def stop_ambient(self) -> None:
        """Fade the wind loop out."""
        self._ambient_wanted = False
        if not self.available or self._ambient_channel is None:
            return
        try:
            self._ambient_channel.fadeout(400)
        except pygame.error:
            pass
        self._ambient_channel = None

    # --- internals ---------------------------------------------------------------------------

    def _start_ambient_channel(self) -> None:
        if self._ambient is None:
            return
        try:
            if self._ambient_channel is not None and self._ambient_channel.get_busy():
                return
            self._ambient_channel = self._ambient.play(loops=-1, fade_ms=800)
        except pygame.error:
            self._ambient_channel = None

    def _stop_all(self) -> None:
        try:
            for snd in self._sounds.values():
                snd.stop()
            if self._ambient is not None:
                self._ambient.stop()
        except pygame.error:
            pass
        self._ambient_channel = None

    def _apply_volume(self) -> None:
        try:
            for name, snd in self._sounds.items():
                snd.set_volume(self.volume * _GAINS.get(name, 0.5))
            if self._ambient is not None:
                self._ambient.set_volume(self.volume * _AMBIENT_GAIN)
        except pygame.error:
            pass

    def _build(self, freq: int, fmt: int, channels: int) -> None:
        import time

        t0 = time.perf_counter()
        rng = random.Random(SEED)
        samples = {
            "click": _click(freq, rng),
            "select": _select(freq, rng),
            "page": _page(freq, rng),
            "stamp": _stamp(freq, rng),
        }
        ambient = _wind(freq, rng)
        self._sounds = {name: _to_sound(data, fmt, channels) for name, data in samples.items()}
        self._ambient = _to_sound(ambient, fmt, channels)
        self.generation_ms = (time.perf_counter() - t0) * 1000.0


# ----------------------------------------------------------------------------------------------
# Synthesis: each function returns mono samples as floats in -1..1
# ----------------------------------------------------------------------------------------------


def _clamp(v: float) -> float:
    try:
        return min(1.0, max(0.0, float(v)))
    except (TypeError, ValueError):
        return 0.7


def _noise(rng: random.Random, n: int) -> list[float]:
    """White noise in -1..1 (bulk bytes from the seeded generator: fast and repeatable)."""
    return [(b - 127.5) / 127.5 for b in rng.randbytes(n)]


def _click(freq: int, rng: random.Random) -> list[float]:
    """A soft tick: a brief high-passed noise grain over a fast-decaying 2.2 kHz ping."""
    n = int(freq * 0.03)
    noise = _noise(rng, n)
    out = []
    prev = 0.0
    w = 2 * math.pi * 2200 / freq
    for i in range(n):
        hp = noise[i] - prev                      # first difference: a gentle high-pass
        prev = noise[i]
        env = math.exp(-i / (freq * 0.004))
        out.append(0.35 * hp * env + 0.5 * math.sin(w * i) * math.exp(-i / (freq * 0.006)))
    return _fade(out, freq, 0.0005, 0.005)


def _select(freq: int, rng: random.Random) -> list[float]:
    """A typewriter key: a sharp strike, a short metallic ring and a low body knock."""
    n = int(freq * 0.06)
    noise = _noise(rng, n)
    out = []
    prev = 0.0
    w1, w2, w3 = (2 * math.pi * f / freq for f in (1750, 2630, 170))
    for i in range(n):
        hp = noise[i] - prev
        prev = noise[i]
        strike = hp * math.exp(-i / (freq * 0.0025))
        ring = (math.sin(w1 * i) + 0.6 * math.sin(w2 * i)) * math.exp(-i / (freq * 0.012))
        knock = math.sin(w3 * i) * math.exp(-i / (freq * 0.018))
        out.append(0.45 * strike + 0.18 * ring + 0.5 * knock)
    return _fade(out, freq, 0.0003, 0.01)


def _page(freq: int, rng: random.Random) -> list[float]:
    """A paper rustle: band-passed noise broken into many small crackling grains on a swell."""
    n = int(freq * 0.2)
    noise = _noise(rng, n)
    # the envelope: a soft swell, and on it ~30 grains of a few milliseconds each
    env = [0.25 * math.sin(math.pi * i / n) for i in range(n)]
    for _ in range(30):
        start = int(n * rng.betavariate(2.0, 2.5))
        decay = freq * rng.uniform(0.002, 0.007)
        height = rng.uniform(0.3, 1.0)
        for i in range(start, min(n, start + int(decay * 4))):
            env[i] += height * math.exp(-(i - start) / decay)
    out = []
    lp1 = lp2 = lp3 = 0.0
    a_lo, a_hi = _alpha(freq, 3800), _alpha(freq, 1200)
    for i in range(n):
        lp1 += a_lo * (noise[i] - lp1)             # two poles against the hiss above ~4 kHz
        lp2 += a_lo * (lp1 - lp2)
        lp3 += a_hi * (lp2 - lp3)                  # and one against the rumble below ~1 kHz
        out.append((lp2 - lp3) * env[i])
    return _fade(out, freq, 0.002, 0.02)


def _stamp(freq: int, rng: random.Random) -> list[float]:
    """A rubber stamp coming down: a low falling thump with a muffled contact at its start."""
    n = int(freq * 0.15)
    noise = _noise(rng, n)
    out = []
    phase = 0.0
    lp = 0.0
    a = _alpha(freq, 600)
    for i in range(n):
        t = i / freq
        f = 55 + 75 * math.exp(-t / 0.03)          # 130 Hz falling to 55 Hz
        phase += 2 * math.pi * f / freq
        lp += a * (noise[i] - lp)
        body = math.sin(phase) * math.exp(-t / 0.045)
        contact = lp * math.exp(-t / 0.008)
        out.append(0.85 * body + 1.2 * contact)
    return _fade(out, freq, 0.001, 0.02)


def _wind(freq: int, rng: random.Random) -> list[float]:
    """A quiet wind: low-passed noise, its loudness and brightness slowly breathing.

    The loop is seamless: the modulation completes whole cycles in the loop's length, and the
    tail of the noise (generated past the end) is cross-faded into its head.
    """
    n = int(freq * 4.0)
    xfade = int(freq * 0.25)
    total = n + xfade
    noise = _noise(rng, total)
    out = [0.0] * total
    lp1 = lp2 = 0.0
    block = 64
    for start in range(0, total, block):
        t = (start % n) / n                        # position in the loop, 0..1
        gust = 0.55 + 0.25 * math.sin(2 * math.pi * t) + 0.2 * math.sin(2 * math.pi * 3 * t + 1.3)
        a = _alpha(freq, 180 + 420 * gust)         # brighter when it blows harder
        amp = 0.35 + 0.65 * gust
        for i in range(start, min(start + block, total)):
            lp1 += a * (noise[i] - lp1)
            lp2 += a * (lp1 - lp2)
            out[i] = lp2 * amp
    # cross-fade the tail into the head so the loop's end flows into its start
    for i in range(xfade):
        f = i / xfade
        out[i] = out[i] * f + out[n + i] * (1.0 - f)
    out = out[:n]
    peak = max(1e-9, max(abs(x) for x in out))
    return [x * (0.8 / peak) for x in out]


def _alpha(freq: int, cutoff: float) -> float:
    """The coefficient of a one-pole low-pass at `cutoff` Hz."""
    return 1.0 - math.exp(-2 * math.pi * cutoff / freq)


def _fade(samples: list[float], freq: int, fade_in: float, fade_out: float,
          peak: float = 0.9) -> list[float]:
    """Scale to `peak`, then short linear fades at both ends so no sound starts or stops with a click."""
    n = len(samples)
    top = max((abs(x) for x in samples), default=0.0)
    if top > 0.0:
        k = peak / top
        samples = [x * k for x in samples]
    a, b = max(1, int(freq * fade_in)), max(1, int(freq * fade_out))
    for i in range(min(a, n)):
        samples[i] *= i / a
    for i in range(min(b, n)):
        samples[n - 1 - i] *= i / b
    return samples


def _to_sound(samples: list[float], fmt: int, channels: int) -> pygame.mixer.Sound:
    """Pack float samples for the mixer's sample format and channel count, and make a Sound."""
    channels = max(1, int(channels))
    if fmt == -16:                                 # signed 16-bit, the format we ask for
        data = array("h", [int(max(-1.0, min(1.0, x)) * 32767) for x in samples])
    elif fmt == 16:
        data = array("H", [int((max(-1.0, min(1.0, x)) + 1.0) * 32767.5) for x in samples])
    elif fmt == -8:
        data = array("b", [int(max(-1.0, min(1.0, x)) * 127) for x in samples])
    elif fmt == 8:
        data = array("B", [int((max(-1.0, min(1.0, x)) + 1.0) * 127.5) for x in samples])
    elif fmt == 32:                                # 32-bit float
        data = array("f", [max(-1.0, min(1.0, x)) for x in samples])
    elif fmt == -32:
        data = array("i", [int(max(-1.0, min(1.0, x)) * 2147483647) for x in samples])
    else:
        raise ValueError(f"unsupported mixer sample format {fmt}")
    if channels > 1:
        frames = array(data.typecode, bytes(data.itemsize * len(data) * channels))
        for c in range(channels):
            frames[c::channels] = data
        data = frames
    return pygame.mixer.Sound(buffer=data.tobytes())
