using System.Net;
using System.Net.Sockets;

namespace OcopFairs.Server.Security;

/// <summary>
/// Who a client is for rate limits and failed sign-ins: its IP address (after a trusted proxy's
/// <c>X-Forwarded-For</c>, when one is configured). An IPv6 client is its /64: one home or phone is given a whole /64,
/// so counting single addresses would let one client be millions.
/// </summary>
public static class ClientAddress
{
    public static string Of(HttpContext http) => Of(http.Connection.RemoteIpAddress);

    public static string Of(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
