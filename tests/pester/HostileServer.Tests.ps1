# Issue 17, "A server we do not control": a stub server that lies. Hostile slugs never name a file,
# escape sequences never reach the console, huge and stalled bodies are bounded, and secrets the
# server echoes stay masked.

BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    . (Join-Path $PSScriptRoot 'StubServer.ps1')
    . (Join-Path $PSScriptRoot 'RawServer.ps1')
    . (Join-Path $PSScriptRoot 'HostileTestSupport.ps1')
    $script:TestCacheDir = New-TestCache 'composio-hostile' -Sub 'cache'
    New-Item -ItemType Directory $script:TestCacheDir | Out-Null
    $Esc = [char]0x1b; $Bel = [char]7
    # A title change, a screen clear and a faked (OSC 8) link, as a terminal would obey them.
    $Hostile = "prod$Esc]0;pwned$Bel$Esc[2J$Esc]8;;https://evil.example$Esc\click$Esc]8;;$Esc\"

    function Connect-Stub($Stub, [hashtable] $Extra = @{}) {
        Connect-Composio -ApiKey (ConvertTo-SecureString 'ak_stub_key_123456' -AsPlainText -Force) -BaseUri $Stub.BaseUri -SkipCheck -PassThru @Extra
    }
    function ConvertTo-Json1($Value) { $Value | ConvertTo-Json -Compress -Depth 8 }
}

AfterAll {
    Disconnect-Composio
    Remove-TestCache
}

Describe 'No file outside the cache folder, ever' {
    # <Case> names the slug: a NUL in a test's name would break the NUnit report.
    It 'a toolkit answered with <Case> is InvalidServerToolkitSlug, even under Sync -WhatIf, and writes no file' -ForEach @(
        @{ Case = 'a relative path (../../victim/appsettings)'; Slug = '../../victim/appsettings' }
        @{ Case = 'an absolute path'; Slug = '/tmp/composio-victim-abs' }
        @{ Case = 'a NUL in the slug'; Slug = "github`0evil" }
    ) {
        $answer = ConvertTo-Json1 @{ slug = $Slug; name = 'GitHub'; auth_config_details = @(@{ mode = 'OAUTH2'; fields = @{ auth_config_creation = @{ required = @(); optional = @() } } }) }
        $stub = Start-StubServer ([scriptblock]::Create("param(`$r) '$($answer -replace "'", "''")'"))
        try {
            Connect-Stub $stub | Out-Null
            $failure = Get-Failure { Get-ComposioToolkit -Slug github }
            $failure.FullyQualifiedErrorId | Should -BeLike 'InvalidServerToolkitSlug*'
            $file = Join-Path $script:TestCacheDir 'desired.psd1'
            Set-Content $file "@{ AuthConfigs = @(@{ Toolkit = 'github'; Name = 'x' }) }"
            $sync = Get-Failure { Sync-ComposioAuthConfig -Path $file -WhatIf }
            $sync.FullyQualifiedErrorId | Should -BeLike 'InvalidServerToolkitSlug*'
            @(Get-ChildItem $script:TestCacheDir -Recurse -File | Where-Object Name -ne 'desired.psd1') | Should -BeNullOrEmpty
            Test-Path '/tmp/composio-victim-abs.json' | Should -BeFalse
        }
        finally { Stop-StubServer $stub }
    }
}

Describe 'No terminal control from the server' {
    BeforeAll {
        $config = @{ id = 'ac_hostile1'; name = $Hostile; toolkit = @{ slug = 'github' }; auth_scheme = "OAUTH2$Esc[31m"; type = 'custom'; status = 'ENABLED' }
        $list = ConvertTo-Json1 @{ items = @($config); next_cursor = $null; total_pages = 1; total_items = 1 }
        $error400 = ConvertTo-Json1 @{ error = @{ message = "bad $Hostile"; slug = "Slug$Esc]0;t$Bel"; suggested_fix = "run $Esc[2J now"; request_id = "req$Bel$Esc"; errors = @("field $Esc[5m") } }
        $script:stub = Start-StubServer ([scriptblock]::Create(@"
param(`$r)
if (`$r.HttpMethod -eq 'GET') { '$($list -replace "'", "''")' } else { @{ Status = 400; Body = '$($error400 -replace "'", "''")' } }
"@))
        Connect-Stub $script:stub | Out-Null
    }
    AfterAll { Stop-StubServer $script:stub }

    It 'default views (table and list), Verbose and Debug show escapes as \e and \u0007' {
        $text = Get-ShownText { Get-ComposioAuthConfig -Verbose -Debug | Format-Table | Out-String; Get-ComposioAuthConfig | Format-List | Out-String }
        $text | Should -Match ([regex]::Escape('prod\e]0;pwned\u0007\e[2J'))
        $text | Should -Not -Match "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]"
    }

    It 'errors: message, slug, suggested fix, request id and details escaped; the exception keeps the raw words' {
        $failure = Get-Failure { Remove-ComposioAuthConfig -Id ac_hostile1 -Confirm:$false -Force }
        $failure | Should -Not -BeNullOrEmpty
        $text = Get-ShownText { Remove-ComposioAuthConfig -Id ac_hostile1 -Confirm:$false -Force -Verbose -Debug -ErrorAction Continue }
        $text | Should -Match ([regex]::Escape('prod\e]0;pwned\u0007'))
        $text | Should -Match ([regex]::Escape('req\u0007\e'))
        $text | Should -Not -Match "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]"
        $failure.Exception.ServerMessage | Should -BeExactly "bad $Hostile"
    }

    It 'WhatIf text (as a transcript keeps it) shows a server name escaped' {
        $file = Join-Path $script:TestCacheDir 'prune.psd1'
        Set-Content $file "@{ AuthConfigs = @(); Prune = @{ Toolkits = 'github'; Name = '*' } }"
        $transcript = Join-Path $script:TestCacheDir 'whatif.txt'
        Start-Transcript -Path $transcript -Force | Out-Null
        try { Sync-ComposioAuthConfig $file -Prune -WhatIf -ErrorAction SilentlyContinue | Out-Null } finally { Stop-Transcript | Out-Null }
        $text = Get-Content $transcript -Raw
        $text | Should -Match ([regex]::Escape('prod\e]0;pwned\u0007'))
        $text | Should -Not -Match "\x1b"
    }

    It 'objects keep the raw values' {
        (Get-ComposioAuthConfig).Name | Should -BeExactly $Hostile
    }
}

Describe 'Secrets echoed by the server stay masked' {
    It 'a create whose secret the server echoes in message, slug, request id, fix and details: masked everywhere' {
        $canary = 'cs_ECHO_CANARY_9931'
        # The stub echoes the whole request body into every text field of its error.
        $stub = Start-StubServer {
            param($r)
            if ($r.HttpMethod -eq 'GET') {
                return (@{ slug = 'notion'; auth_config_details = @(@{ mode = 'OAUTH2'; fields = @{ auth_config_creation = @{ required = @(@{ name = 'client_id' }, @{ name = 'client_secret'; is_secret = $true }); optional = @() } } }) } | ConvertTo-Json -Depth 9)
            }
            $sent = [IO.StreamReader]::new($r.InputStream).ReadToEnd()
            $echo = $sent -replace '\s', ''
            @{ Status = 400; Body = (@{ error = @{ message = "bad $echo"; slug = "Slug_$echo"; request_id = "req-$echo"; suggested_fix = "use $echo"; errors = @("field $echo") } } | ConvertTo-Json -Depth 5) }
        }
        try {
            Connect-Stub $stub | Out-Null
            $secure = ConvertTo-SecureString $canary -AsPlainText -Force
            $text = Get-ShownText { New-ComposioAuthConfig -Toolkit notion -Type Custom -AuthScheme OAUTH2 -Name echo -Credentials @{ client_id = 'id'; client_secret = $secure } -Verbose -Debug -ErrorAction Continue }
            $text += ($Error | ForEach-Object { $_.Exception.ToString(); $_.Exception.Slug; $_.Exception.RequestId; $_.Exception.SuggestedFix; $_.Exception.Details }) -join "`n"
            $text | Should -Match 'Slug_\{.*\*\*\*'
            $text | Should -Match 'req-\{.*\*\*\*'
            $text | Should -Not -Match $canary
        }
        finally { Stop-StubServer $stub }
    }
}

Describe 'Fields the toolkit marks secret are fully masked in objects, CSV and JSON' {
    BeforeAll {
        $emulator = Start-ComposioEmulator
        Connect-Composio -ApiKey (ConvertTo-SecureString $emulator.ApiKey -AsPlainText -Force) -BaseUri $emulator.BaseUri -SkipCheck | Out-Null
    }
    AfterAll { $emulator | Stop-ComposioEmulator }

    It 'twitter''s generic_id (a bearer token) shows no character of its value' {
        $bearer = 'twB_PREFIX_CANARY_bearer_8841'
        $made = New-ComposioAuthConfig -Toolkit twitter -Type Custom -AuthScheme OAUTH2 -Name 'tw' -Credentials @{ client_id = 'tw-id'; client_secret = (ConvertTo-SecureString 'tw-secret-1234' -AsPlainText -Force); generic_id = (ConvertTo-SecureString $bearer -AsPlainText -Force) }
        $fetched = Get-ComposioAuthConfig -Id $made.Id
        $listed = Get-ComposioAuthConfig -Toolkit twitter
        foreach ($config in $fetched, $listed) {
            $config.Credentials['generic_id'] | Should -BeExactly '***'
            $config.Credentials['client_id'] | Should -BeExactly 'tw-id'
        }
        $text = ($fetched, $listed | ConvertTo-Json -Depth 6) + ($fetched, $listed | ConvertTo-Csv | Out-String) + ($fetched | Format-List * | Out-String)
        $text | Should -Not -Match 'twB_'
        # The server itself shows the first characters: the module, not the server, masks them fully.
        $raw = Invoke-RestMethod -Uri "$($emulator.BaseUri.TrimEnd('/'))/api/v3.1/auth_configs/$($made.Id)" -Headers @{ 'x-api-key' = $emulator.ApiKey }
        $raw.credentials.generic_id | Should -BeLike 'twB_*'
        $raw.credentials.generic_id | Should -Not -Be $bearer
    }
}

Describe 'Bounded answers and time bounds' {
    BeforeAll {
        # Answers every request with a body of the asked shape: its size, whether Content-Length
        # announces it (else chunked), and whether it stalls after the headers.
        function Start-BodyServer([long] $Bytes, [switch] $Chunked, [switch] $Stall, [switch] $Trickle) {
            Start-RawServer ([scriptblock]::Create(@"
param(`$Head, `$Stream)
`$bytes = $Bytes; `$chunked = `$$($Chunked.IsPresent); `$stall = `$$($Stall.IsPresent); `$trickle = `$$($Trickle.IsPresent)
`$length = if (`$chunked) { 'Transfer-Encoding: chunked' } else { "Content-Length: `$bytes" }
`$h = [Text.Encoding]::ASCII.GetBytes("HTTP/1.1 200 OK``r``nContent-Type: application/json``r``n`$length``r``n``r``n")
`$Stream.Write(`$h, 0, `$h.Length); `$Stream.Flush()
if (`$stall -or `$trickle) {
    for (`$i = 0; `$i -lt 100; `$i++) { Start-Sleep -Milliseconds 100; if (`$trickle) { `$Stream.WriteByte(32); `$Stream.Flush() } }
    return
}
`$block = [byte[]]::new(1MB); [Array]::Fill(`$block, [byte]32)
`$sent = 0
while (`$sent -lt `$bytes) {
    `$n = [Math]::Min(`$block.Length, `$bytes - `$sent)
    if (`$chunked) { `$p = [Text.Encoding]::ASCII.GetBytes(('{0:x}' -f `$n) + "``r``n"); `$Stream.Write(`$p, 0, `$p.Length) }
    `$Stream.Write(`$block, 0, `$n)
    if (`$chunked) { `$Stream.Write([byte[]](13, 10), 0, 2) }
    `$sent += `$n
}
if (`$chunked) { `$end = [Text.Encoding]::ASCII.GetBytes("0``r``n``r``n"); `$Stream.Write(`$end, 0, `$end.Length) }
"@))
        }
        function Connect-Raw($Server, [hashtable] $Extra = @{}) {
            Connect-Composio -ApiKey (ConvertTo-SecureString 'ak_stub_key_123456' -AsPlainText -Force) -BaseUri $Server.BaseUri -SkipCheck @Extra
        }
    }

    It 'a body over the cap (<What>) is ComposioResponseTooLarge after one request, never asked again' -ForEach @(
        @{ What = 'announced by Content-Length: 40 MiB'; Bytes = 40MB; Chunked = $false }
        @{ What = 'chunked, 20 MiB'; Bytes = 20MB; Chunked = $true }
    ) {
        $server = Start-BodyServer -Bytes $Bytes -Chunked:$Chunked
        try {
            Connect-Raw $server @{ MaxResponseSizeMB = 1; MaxRetries = 2 }
            $clock = [Diagnostics.Stopwatch]::StartNew()
            $failure = Get-Failure { Get-ComposioAuthConfig }
            $failure.FullyQualifiedErrorId | Should -BeLike 'ComposioResponseTooLarge*'
            "$($failure.ErrorDetails)" | Should -Match '1 MiB'
            $clock.Elapsed.TotalSeconds | Should -BeLessThan 10
            Start-Sleep -Milliseconds 300
            @($server.Heads).Count | Should -Be 1
        }
        finally { Stop-RawServer $server }
    }

    It 'an answer under the cap is read as usual' {
        $server = Start-BodyServer -Bytes 100KB
        try {
            Connect-Raw $server @{ MaxResponseSizeMB = 1; MaxRetries = 0 }
            # 100 KiB of spaces is no JSON object: the body was read whole and judged, not refused for its size.
            (Get-Failure { Get-ComposioAuthConfig }).FullyQualifiedErrorId | Should -BeLike 'ComposioInvalidResponse*'
        }
        finally { Stop-RawServer $server }
    }

    It 'the default cap is a few MiB, shown on the connection' {
        $server = Start-BodyServer -Bytes 10
        try { (Connect-Raw $server @{ PassThru = $true }).MaxResponseSizeMB | Should -BeIn (2..16) }
        finally { Stop-RawServer $server }
    }

    It '-TimeoutSec 1 bounds an attempt within 0.5 s when the server <What>' -ForEach @(
        @{ What = 'stalls after the headers'; Shape = @{ Stall = $true; Bytes = 1000 } }
        @{ What = 'trickles one byte every 100 ms'; Shape = @{ Trickle = $true; Bytes = 100000 } }
    ) {
        $server = Start-BodyServer @Shape
        try {
            Connect-Raw $server @{ TimeoutSec = 1; MaxRetries = 0 }
            $null = Get-Failure { Get-ComposioAuthConfig } # Warm-up: the first call of a process also loads code.
            $clock = [Diagnostics.Stopwatch]::StartNew()
            $failure = Get-Failure { Get-ComposioAuthConfig }
            $clock.Elapsed.TotalSeconds | Should -BeLessThan 1.5
            $failure.FullyQualifiedErrorId | Should -BeLike 'ComposioTimeout*'
        }
        finally { Stop-RawServer $server }
    }

    It 'Ctrl+C stops a stalled body read within 500 ms' {
        $server = Start-BodyServer -Stall -Bytes 1000
        $iss = [System.Management.Automation.Runspaces.InitialSessionState]::CreateDefault2()
        $iss.ImportPSModule($ModuleManifest)
        $ps = [powershell]::Create($iss)
        try {
            $null = $ps.AddScript("Connect-Composio -ApiKey (ConvertTo-SecureString 'ak_stub_key_123456' -AsPlainText -Force) -BaseUri '$($server.BaseUri)' -SkipCheck -TimeoutSec 60; Get-ComposioAuthConfig")
            $async = $ps.BeginInvoke()
            Wait-Until { $server.Heads.Count -gt 0 } 'The request never reached the server.'
            # The server answers the head at once and then stalls; nothing tells when the client is in its body read.
            Start-Sleep -Milliseconds 200
            $clock = [Diagnostics.Stopwatch]::StartNew()
            $ps.Stop()
            $clock.Elapsed.TotalMilliseconds | Should -BeLessThan 500
            $async.IsCompleted | Should -BeTrue
        }
        finally { $ps.Dispose(); Stop-RawServer $server }
    }
}
