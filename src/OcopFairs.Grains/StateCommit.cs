namespace OcopFairs.Grains;

internal static class StateCommit
{
    /// <summary>
    /// Swaps in the next state and writes it; when the write fails the previous state is put back, so memory never
    /// holds a change that is not durable.
    /// </summary>
    public static async Task CommitAsync<T>(this IPersistentState<T> state, T next)
    {
        var previous = state.State;
        state.State = next;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            state.State = previous;
            throw;
        }
    }
}
