namespace Composio.Emulator.Http;

/// <summary>Random alphanumeric suffixes for ids that look like the service's (ac_..., req_..., job_...).</summary>
public static class RandomIds
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public static string Alphanumeric(int length) =>
        string.Create(length, 0, static (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = Alphabet[Random.Shared.Next(Alphabet.Length)];
            }
        });

    /// <summary>
    /// A version-4 style UUID from the fast non-crypto generator: Guid.NewGuid costs a system call
    /// per id, which dominated bulk seeding. These ids need to be unique, not unguessable.
    /// </summary>
    public static Guid Uuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        Random.Shared.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }
}
