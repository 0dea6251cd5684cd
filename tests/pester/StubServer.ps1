# A tiny HTTP server for answers the emulator would never give (a server that misbehaves on
# purpose): every request gets the answer the script block returns for it. Runs on 127.0.0.1 in
# a background runspace; Stop-StubServer ends it. The requests it saw are in .Requests. An answer
# may also be @{ Status = <code>; Body = <text> } for an error status.

function Start-StubServer([Parameter(Mandatory)] [scriptblock] $Answer) {
    $probe = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    $probe.Start(); $port = $probe.LocalEndpoint.Port; $probe.Stop()
    $listener = [System.Net.HttpListener]::new()
    $listener.Prefixes.Add("http://127.0.0.1:$port/")
    $listener.Start()
    $requests = [System.Collections.Concurrent.ConcurrentQueue[object]]::new()
    $ps = [powershell]::Create()
    $null = $ps.AddScript({
            param($Listener, $Answer, $Requests)
            $Answer = [scriptblock]::Create($Answer)
            while ($Listener.IsListening) {
                try { $context = $Listener.GetContext() } catch { break }
                $Requests.Enqueue([pscustomobject]@{ Method = $context.Request.HttpMethod; Url = $context.Request.Url })
                $answered = & $Answer $context.Request
                if ($answered -is [hashtable]) { $context.Response.StatusCode = $answered.Status; $answered = $answered.Body }
                $body = [Text.Encoding]::UTF8.GetBytes($answered)
                $context.Response.ContentType = 'application/json'
                $context.Response.OutputStream.Write($body, 0, $body.Length)
                $context.Response.Close()
            }
        }).AddArgument($listener).AddArgument($Answer.ToString()).AddArgument($requests)
    [pscustomobject]@{ BaseUri = "http://127.0.0.1:$port"; Listener = $listener; PowerShell = $ps; Handle = $ps.BeginInvoke(); Requests = $requests }
}

function Stop-StubServer($Stub) {
    $Stub.Listener.Stop()
    $Stub.Listener.Close()
    $Stub.PowerShell.Stop()
    $Stub.PowerShell.Dispose()
}
