// "Play" beside the K slider: K = 1, 2, … 15, one step per finished result, so the animation runs as
// fast as this machine whitens and never queues work. Pressing it again, or touching the slider, stops it.
import { useCallback, useEffect, useState } from 'react';
import { useWhiteningStore } from '../../state/whiteningStore';
import './kPlay.css';

export const K_PLAY_LAST = 15;

export interface KPlay {
  playing: boolean;
  /** False until there is a result to animate. */
  canPlay: boolean;
  toggle: () => void;
  stop: () => void;
}

/** Steps K through 1..K_PLAY_LAST: the next step is set once the view has answered the current one. */
export function useKPlay(): KPlay {
  const [playing, setPlaying] = useState(false);
  const canPlay = useWhiteningStore((s) => s.payload !== null);

  useEffect(() => {
    if (!playing) return;
    return useWhiteningStore.subscribe((s) => {
      // 'ready' only once every request, and any change waiting behind one, has been answered.
      if (s.status !== 'ready' || s.answeredId < s.requestedId) return;
      if (s.settings.iters >= K_PLAY_LAST) setPlaying(false);
      else s.setSettings({ iters: s.settings.iters + 1 });
    });
  }, [playing]);

  const stop = useCallback(() => setPlaying(false), []);
  const toggle = useCallback(() => {
    if (playing || !canPlay) {
      setPlaying(false);
      return;
    }
    setPlaying(true);
    useWhiteningStore.getState().setSettings({ iters: 1 });
  }, [playing, canPlay]);
  return { playing, canPlay, toggle, stop };
}

export function KPlayButton({ play }: { play: KPlay }) {
  return (
    <button
      type="button"
      className="button k-play"
      data-testid="k-play"
      aria-pressed={play.playing}
      aria-label={play.playing ? 'Stop the K animation' : `Play: animate K from 1 to ${K_PLAY_LAST}, one step per result`}
      title={play.playing ? 'Stop' : `Play K = 1 → ${K_PLAY_LAST}: watch the whitening take shape step by step`}
      disabled={!play.canPlay && !play.playing}
      onClick={play.toggle}
    >
      {play.playing ? '■ stop' : '▶ play'}
    </button>
  );
}
