package dev.tubebatch.inference.speech;

/**
 * Whisper's log-mel spectrogram of one 30 s window: the audio zero-padded (or cut) to 480,000 samples, a 400-point
 * STFT with a periodic Hann window every 160 samples (centered, reflect padding, the last frame dropped: 3,000
 * frames), power through Slaney-style mel filters (80 or 128 bins), log10 clamped at 1e-10, floored at 8 below the
 * maximum, then (x + 4) / 4. Checked against numpy in src/test/python/make_tiny_whisper.py.
 */
final class WhisperFeatures {

    static final int SAMPLE_RATE = 16_000;
    static final int N_FFT = 400;
    static final int HOP = 160;
    static final int N_SAMPLES = 480_000;
    static final int FRAMES = 3_000;
    private static final int BINS = N_FFT / 2 + 1;

    private final int mels;
    private final double[][] filters;
    private final double[] window = new double[N_FFT];
    private final double[] cos = new double[N_FFT];
    private final double[] sin = new double[N_FFT];

    WhisperFeatures(int mels) {
        if (mels < 1 || mels > 512) {
            throw new IllegalArgumentException("num_mel_bins must be between 1 and 512: " + mels);
        }
        this.mels = mels;
        this.filters = melFilters(SAMPLE_RATE, N_FFT, mels);
        for (int n = 0; n < N_FFT; n++) {
            window[n] = 0.5 - 0.5 * Math.cos(2 * Math.PI * n / N_FFT);
            cos[n] = Math.cos(2 * Math.PI * n / N_FFT);
            sin[n] = Math.sin(2 * Math.PI * n / N_FFT);
        }
    }

    int mels() {
        return mels;
    }

    /** Features as [mels][3000] flattened row by row, the layout of {@code input_features} [1, mels, 3000]. */
    float[] compute(float[] audio) {
        int length = Math.min(audio.length, N_SAMPLES);
        double[] power = new double[BINS];
        double[] frame = new double[N_FFT];
        double[] mel = new double[mels * FRAMES];
        for (int f = 0; f < FRAMES; f++) {
            int from = f * HOP - N_FFT / 2;
            boolean silent = true;
            for (int n = 0; n < N_FFT; n++) {
                double x = sample(audio, length, from + n);
                frame[n] = x * window[n];
                silent &= x == 0;
            }
            if (silent) {
                continue; // zero padding: no power in any bin
            }
            for (int k = 0; k < BINS; k++) {
                double re = 0;
                double im = 0;
                for (int n = 0, index = 0; n < N_FFT; n++, index += k) {
                    if (index >= N_FFT) {
                        index -= N_FFT;
                    }
                    re += frame[n] * cos[index];
                    im -= frame[n] * sin[index];
                }
                power[k] = re * re + im * im;
            }
            for (int m = 0; m < mels; m++) {
                double sum = 0;
                double[] filter = filters[m];
                for (int k = 0; k < BINS; k++) {
                    sum += filter[k] * power[k];
                }
                mel[m * FRAMES + f] = sum;
            }
        }
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < mel.length; i++) {
            mel[i] = Math.log10(Math.max(mel[i], 1e-10));
            max = Math.max(max, mel[i]);
        }
        float[] out = new float[mel.length];
        for (int i = 0; i < mel.length; i++) {
            out[i] = (float) ((Math.max(mel[i], max - 8) + 4) / 4);
        }
        return out;
    }

    /** The zero-padded window's sample at {@code i}, reflecting (without repeating the edge) outside it. */
    private static double sample(float[] audio, int length, int i) {
        if (i < 0) {
            i = -i;
        } else if (i >= N_SAMPLES) {
            i = 2 * (N_SAMPLES - 1) - i;
        }
        return i < length ? audio[i] : 0;
    }

    static double[][] melFilters(int rate, int nFft, int mels) {
        int bins = nFft / 2 + 1;
        double[] fftFreqs = new double[bins];
        for (int k = 0; k < bins; k++) {
            fftFreqs[k] = (rate / 2.0) * k / (bins - 1);
        }
        double low = hzToMel(0);
        double high = hzToMel(rate / 2.0);
        double[] melF = new double[mels + 2];
        for (int i = 0; i < mels + 2; i++) {
            melF[i] = melToHz(low + (high - low) * i / (mels + 1));
        }
        double[][] weights = new double[mels][bins];
        for (int i = 0; i < mels; i++) {
            double enorm = 2.0 / (melF[i + 2] - melF[i]);
            for (int k = 0; k < bins; k++) {
                double lower = (fftFreqs[k] - melF[i]) / (melF[i + 1] - melF[i]);
                double upper = (melF[i + 2] - fftFreqs[k]) / (melF[i + 2] - melF[i + 1]);
                weights[i][k] = Math.max(0, Math.min(lower, upper)) * enorm;
            }
        }
        return weights;
    }

    private static final double F_SP = 200.0 / 3;
    private static final double MIN_LOG_HZ = 1000;
    private static final double MIN_LOG_MEL = MIN_LOG_HZ / F_SP;
    private static final double LOG_STEP = Math.log(6.4) / 27;

    static double hzToMel(double hz) {
        return hz >= MIN_LOG_HZ ? MIN_LOG_MEL + Math.log(hz / MIN_LOG_HZ) / LOG_STEP : hz / F_SP;
    }

    static double melToHz(double mel) {
        return mel >= MIN_LOG_MEL ? MIN_LOG_HZ * Math.exp(LOG_STEP * (mel - MIN_LOG_MEL)) : F_SP * mel;
    }
}
