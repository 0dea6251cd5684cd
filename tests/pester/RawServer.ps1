# A raw TCP server on 127.0.0.1 for what neither the emulator nor StubServer can do: record whether
# a request (as a proxy would see it) carried the key, and answer with bytes written by hand (huge,
# stalled or hostile bodies). Each connection's request head is kept in .Heads; the script block
# gets the head and the network stream and writes the answer. Stop-RawServer ends it.

function Start-RawServer([scriptblock] $Answer = {
        param($Head, $Stream)
        $bytes = [Text.Encoding]::ASCII.GetBytes("HTTP/1.1 502 Bad Gateway`r`nContent-Length: 0`r`nConnection: close`r`n`r`n")
        $Stream.Write($bytes, 0, $bytes.Length)
    }) {
    $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    $listener.Start()
    $heads = [System.Collections.Concurrent.ConcurrentQueue[string]]::new()
    $ps = [powershell]::Create()
    $null = $ps.AddScript({
            param($Listener, $Answer, $Heads)
            $Answer = [scriptblock]::Create($Answer)
            while ($true) {
                try { $client = $Listener.AcceptTcpClient() } catch { break }
                try {
                    $stream = $client.GetStream()
                    $buffer = [byte[]]::new(65536); $head = ''
                    while ($head.IndexOf("`r`n`r`n") -lt 0) {
                        $n = $stream.Read($buffer, 0, $buffer.Length)
                        if ($n -le 0) { break }
                        $head += [Text.Encoding]::Latin1.GetString($buffer, 0, $n)
                    }
                    $Heads.Enqueue($head)
                    & $Answer $head $stream
                }
                catch { }
                finally { $client.Close() }
            }
        }).AddArgument($listener).AddArgument($Answer.ToString()).AddArgument($heads)
    $port = $listener.LocalEndpoint.Port
    [pscustomobject]@{ Port = $port; BaseUri = "http://127.0.0.1:$port"; Listener = $listener; PowerShell = $ps; Handle = $ps.BeginInvoke(); Heads = $heads }
}

function Stop-RawServer($Server) {
    $Server.Listener.Stop()
    $null = $Server.PowerShell.BeginStop($null, $null)
    $Server.PowerShell.Dispose()
}
