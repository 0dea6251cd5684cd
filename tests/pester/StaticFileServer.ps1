# A tiny HTTP server on 127.0.0.1 that serves a folder's files and logs each request's path,
# for tests of what PowerShell downloads (Save-Help). It runs on a background runspace of the
# test process, so it costs no process start.

function Start-StaticFileServer([Parameter(Mandatory)] [string] $Root) {
    # A free port: bind to port 0, read what the system chose, release it for HttpListener.
    $probe = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    $probe.Start()
    $port = $probe.LocalEndpoint.Port
    $probe.Stop()
    $listener = [System.Net.HttpListener]::new()
    $listener.Prefixes.Add("http://127.0.0.1:$port/")
    $listener.Start()
    $log = [System.Collections.Concurrent.ConcurrentQueue[string]]::new()
    $shell = [powershell]::Create()
    $null = $shell.AddScript({
            param($Listener, $Root, $Log)
            while ($Listener.IsListening) {
                try { $context = $Listener.GetContext() } catch { break }   # Stop() ends the wait
                $path = [Uri]::UnescapeDataString($context.Request.Url.AbsolutePath)
                $Log.Enqueue($path)
                $file = Join-Path $Root $path.TrimStart('/')
                if ((Test-Path -LiteralPath $file -PathType Leaf) -and ([IO.Path]::GetFullPath($file)).StartsWith($Root)) {
                    $bytes = [IO.File]::ReadAllBytes($file)
                    $context.Response.ContentLength64 = $bytes.Length
                    $context.Response.OutputStream.Write($bytes, 0, $bytes.Length)
                }
                else { $context.Response.StatusCode = 404 }
                $context.Response.Close()
            }
        }).AddArgument($listener).AddArgument((Resolve-Path $Root).Path).AddArgument($log)
    [pscustomobject]@{
        BaseUri  = "http://127.0.0.1:$port/"
        Listener = $listener
        Shell    = $shell
        Handle   = $shell.BeginInvoke()
        Log      = $log
    }
}

function Stop-StaticFileServer($Server) {
    if (-not $Server) { return }
    $Server.Listener.Stop()
    $Server.Shell.Stop()
    $Server.Shell.Dispose()
    $Server.Listener.Close()
}
