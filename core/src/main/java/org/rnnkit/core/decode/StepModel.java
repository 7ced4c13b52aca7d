package org.rnnkit.core.decode;

/**
 * A model that can be decoded one token at a time, by any {@link Search}: an encoder-decoder (the input is
 * the source sentence) or a next-token model (the input is a primer to continue). Implementations leave
 * the model's own recurrent state as they found it, but run on the model's layers, so one model is decoded by
 * one thread at a time.
 */
public interface StepModel {

    /** Number of token ids the model predicts over (the width of each log-probability row). */
    int vocabularySize();

    /**
     * Reads a batch of inputs and returns the state the first step starts from. An encoder-decoder keeps all
     * encoder outputs and their mask in it (for attention); a next-token model keeps the recurrent state after
     * all primer tokens but the last.
     */
    DecoderState encode(int[][] inputs);

    /** The token each row's first step is fed: BOS for an encoder-decoder, the primer's last token otherwise. */
    int[] startTokens(int[][] inputs);

    /**
     * One step for every row of {@code state}: feeds {@code previousTokens[row]} and returns the
     * log-probabilities of the next token, {@code [rows][vocabularySize()]}, with the state after it.
     */
    Step step(DecoderState state, int[] previousTokens);
}
