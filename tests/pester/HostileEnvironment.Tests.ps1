# Issue 17, "The environment": a messy environment never sends the key where the command line did
# not point it. Attacks performed for real: COMPOSIO_BASE_URL naming another host, user:password@ in
# the base URI, a key read with its line break or with an injected header, and a proxy listener that
# records whether the key reached it.

BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    . (Join-Path $PSScriptRoot 'RawServer.ps1')
    $emulator = Start-TestEmulator
    $recorder = Start-RawServer

    function Get-Failure([scriptblock] $Block) {
        $ErrorActionPreference = 'Stop'
        try { & $Block | Out-Null; $null } catch { $_ }
    }
    # Everything an error or a stream shows, as one text.
    function Get-AllText([scriptblock] $Block) {
        $Error.Clear()
        $text = & { try { & $Block } catch { $_ } } *>&1 | ForEach-Object {
            if ($_ -is [System.Management.Automation.ErrorRecord]) { $_.ToString(); "$($_.TargetObject)"; $_.Exception.ToString(); "$($_.ErrorDetails)" } else { $_ | Out-String }
        }
        ($text -join "`n") + (($Error | ForEach-Object { $_.ToString(); "$($_.TargetObject)" }) -join "`n")
    }
    function Get-RecordedHead { $head = $null; $all = @(); while ($recorder.Heads.TryDequeue([ref] $head)) { $all += $head }; $all }
}

AfterAll {
    Stop-RawServer $recorder
    $env:COMPOSIO_BASE_URL = $null
    Stop-TestEmulator $emulator
}

Describe 'An explicit -BaseUri wins over COMPOSIO_BASE_URL' {
    BeforeEach { $null = Get-RecordedHead; Clear-ComposioEmulatorRequest $emulator }
    AfterEach { $env:COMPOSIO_BASE_URL = $null }

    It 'the key goes to the -BaseUri given, not to the host in the environment' {
        $env:COMPOSIO_BASE_URL = $recorder.BaseUri
        $key = ConvertTo-SecureString $emulator.ApiKey -AsPlainText -Force
        $connection = Connect-Composio -ApiKey $key -BaseUri $emulator.BaseUri -PassThru
        $connection.BaseUri.ToString().TrimEnd('/') | Should -Be $emulator.BaseUri.TrimEnd('/')
        @(Get-WireRequest $emulator GET '*/auth_configs').Count | Should -Be 1
        Get-RecordedHead | Should -BeNullOrEmpty
    }

    It 'even when the -BaseUri given is the default address' {
        $env:COMPOSIO_BASE_URL = $recorder.BaseUri
        $key = ConvertTo-SecureString $emulator.ApiKey -AsPlainText -Force
        $connection = Connect-Composio -ApiKey $key -BaseUri 'https://backend.composio.dev' -SkipCheck -PassThru
        $connection.BaseUri.Host | Should -Be 'backend.composio.dev'
    }

    It 'the environment still fills a -BaseUri left out' {
        $env:COMPOSIO_BASE_URL = $emulator.BaseUri
        $key = ConvertTo-SecureString $emulator.ApiKey -AsPlainText -Force
        (Connect-Composio -ApiKey $key -PassThru).BaseUri.ToString().TrimEnd('/') | Should -Be $emulator.BaseUri.TrimEnd('/')
    }
}

Describe 'user:password@ in the base URI is refused and never shown' {
    BeforeEach { $null = Get-RecordedHead }
    AfterEach { $env:COMPOSIO_BASE_URL = $null }

    It 'from -BaseUri: BaseUriHasUserInfo, no request, the password in no stream or error' {
        $uri = $recorder.BaseUri -replace '//', '//admin:Pw_LEAK_CANARY_77@'
        $key = ConvertTo-SecureString $emulator.ApiKey -AsPlainText -Force
        $failure = Get-Failure { Connect-Composio -ApiKey $key -BaseUri $uri -Verbose -Debug }
        $failure.FullyQualifiedErrorId | Should -BeLike 'BaseUriHasUserInfo*'
        $text = Get-AllText { Connect-Composio -ApiKey $key -BaseUri $uri -Verbose -Debug -ErrorAction Continue }
        $text | Should -Match 'BaseUriHasUserInfo|user name or password'
        $text | Should -Not -Match 'Pw_LEAK_CANARY_77'
        $text | Should -Not -Match 'admin:'
        Get-RecordedHead | Should -BeNullOrEmpty
    }

    It 'from COMPOSIO_BASE_URL, for a command connecting by itself' {
        $env:COMPOSIO_BASE_URL = $recorder.BaseUri -replace '//', '//admin:Pw_LEAK_CANARY_78@'
        $text = Invoke-FreshPwsh "`$env:COMPOSIO_API_KEY = '$($emulator.ApiKey)'; Get-ComposioAuthConfig -Verbose -Debug -ErrorAction Continue *>&1 | ForEach-Object { `$_; `$_.Exception }; `$Error | ForEach-Object { `$_.TargetObject }" | Out-String
        $text | Should -Match 'BaseUriHasUserInfo|user name or password'
        $text | Should -Not -Match 'Pw_LEAK_CANARY_78'
        Get-RecordedHead | Should -BeNullOrEmpty
    }
}

Describe 'A key with whitespace or control characters' {
    BeforeEach { Clear-ComposioEmulatorRequest $emulator; $null = Get-RecordedHead }

    It 'surrounding whitespace and a final line break (Get-Content -Raw) are trimmed, with a Verbose note' {
        $key = ConvertTo-SecureString "  $($emulator.ApiKey)`r`n" -AsPlainText -Force
        $verbose = Connect-Composio -ApiKey $key -BaseUri $emulator.BaseUri -Verbose 4>&1 | Out-String
        $verbose | Should -Match 'whitespace or a line break around it'
        $verbose | Should -Not -Match ([regex]::Escape($emulator.ApiKey))
        @(Get-WireRequest $emulator GET '*/auth_configs').Count | Should -Be 1
        Get-ComposioAuthConfig | Should -BeNullOrEmpty
    }

    It 'a key that would inject a header is InvalidApiKey, and nothing is sent' {
        $key = ConvertTo-SecureString "$($emulator.ApiKey)`r`nX-Injected: 1" -AsPlainText -Force
        $failure = Get-Failure { Connect-Composio -ApiKey $key -BaseUri $recorder.BaseUri }
        $failure.FullyQualifiedErrorId | Should -BeLike 'InvalidApiKey*'
        "$failure" | Should -Not -Match ([regex]::Escape($emulator.ApiKey))
        Get-RecordedHead | Should -BeNullOrEmpty
    }

    It 'COMPOSIO_API_KEY with an inner tab is InvalidApiKey too' {
        $text = Invoke-FreshPwsh "`$env:COMPOSIO_API_KEY = 'ak_abc`tdef_ghijkl'; `$env:COMPOSIO_BASE_URL = '$($recorder.BaseUri)'; try { Get-ComposioAuthConfig -ErrorAction Stop } catch { `$_.FullyQualifiedErrorId }" | Out-String
        $text | Should -Match 'InvalidApiKey'
        Get-RecordedHead | Should -BeNullOrEmpty
    }
}

Describe 'The key never travels in clear text to a proxy' {
    BeforeAll {
        # A fresh process: .NET reads the proxy variables once per process.
        function Invoke-Proxied([string] $Environment, [string] $Command) {
            Invoke-FreshPwsh "$Environment; `$key = ConvertTo-SecureString '$($emulator.ApiKey)' -AsPlainText -Force; try { $Command; 'DONE' } catch { `$_.FullyQualifiedErrorId }" | Out-String
        }
    }
    BeforeEach { $null = Get-RecordedHead }

    It 'a loopback base URI is never proxied (HTTP_PROXY and ALL_PROXY set)' {
        Clear-ComposioEmulatorRequest $emulator
        $out = Invoke-Proxied "`$env:HTTP_PROXY = '$($recorder.BaseUri)'; `$env:ALL_PROXY = '$($recorder.BaseUri)'" "Connect-Composio -ApiKey `$key -BaseUri '$($emulator.BaseUri)' -ErrorAction Stop"
        $out | Should -Match 'DONE'
        @(Get-WireRequest $emulator GET '*/auth_configs').Count | Should -Be 1
        Get-RecordedHead | Should -BeNullOrEmpty
    }

    It 'NO_PROXY is honoured for another host' {
        $out = Invoke-Proxied "`$env:HTTP_PROXY = '$($recorder.BaseUri)'; `$env:NO_PROXY = 'example.net,.composio.test'" "Connect-Composio -ApiKey `$key -BaseUri 'http://api.composio.test:9' -AllowInsecureHttp -ErrorAction Stop"
        $out | Should -Match 'ComposioConnectionFailed'
        Get-RecordedHead | Should -BeNullOrEmpty
    }

    It 'the proxy is really used otherwise (so the cases above could fail)' {
        $out = Invoke-Proxied "`$env:HTTP_PROXY = '$($recorder.BaseUri)'" "Connect-Composio -ApiKey `$key -BaseUri 'http://api.composio.test:9' -AllowInsecureHttp -MaxRetries 0 -ErrorAction Stop"
        $out | Should -Not -Match 'DONE'
        @(Get-RecordedHead) -join "`n" | Should -Match 'api\.composio\.test'
    }

    It 'an http:// request that would go through the proxy is refused like any non-local http://' {
        $out = Invoke-Proxied "`$env:HTTP_PROXY = '$($recorder.BaseUri)'" "Connect-Composio -ApiKey `$key -BaseUri 'http://api.composio.test:9' -ErrorAction Stop"
        $out | Should -Match 'InsecureBaseUri'
        Get-RecordedHead | Should -BeNullOrEmpty
    }
}
