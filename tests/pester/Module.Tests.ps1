BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
}

Describe 'The built module' {
    It 'imports in a fresh pwsh and exports exactly the manifest''s cmdlets' {
        $names = Invoke-FreshPwsh '(Get-Command -Module Composio).Name -join ","'
        $exported = ($names | Select-Object -Last 1) -split ','
        $manifest = (Import-PowerShellDataFile $ModuleManifest).CmdletsToExport
        foreach ($name in $exported) { $manifest | Should -Contain $name }
        $exported | Should -Contain 'Connect-Composio'
    }

    It 'loads the client and Microsoft.Extensions.* into its own load context, not the default one, the HTTP pipeline at the first request' {
        $lines = Invoke-FreshPwsh @'
$k = ConvertTo-SecureString 'ak_isolation_test' -AsPlainText -Force
Connect-Composio -ApiKey $k -BaseUri http://127.0.0.1:9 -SkipCheck -MaxRetries 0 | Out-Null
$loaded = { [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -in 'Composio.Client', 'Microsoft.Extensions.Http', 'Microsoft.Bcl.AsyncInterfaces' } }
& $loaded | ForEach-Object { 'connected:{0}' -f $_.GetName().Name }
# Nothing listens on port 9: the request fails, but the pipeline has been built for it.
try { Get-ComposioAuthConfig -Id ac_isolation01 -ErrorAction Stop } catch { }
& $loaded | ForEach-Object { '{0}|{1}|{2}' -f $_.GetName().Name, $_.GetName().Version, [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($_).Name }
'@
        # Connect -SkipCheck builds no HTTP pipeline (IHttpClientFactory and its container): that waits for a request.
        $lines | Should -Contain 'connected:Composio.Client'
        $lines | Should -Not -Contain 'connected:Microsoft.Extensions.Http'
        $client = $lines | Where-Object { $_ -like 'Composio.Client|*' }
        $client | Should -Match '\|Composio$'
        $lines | Where-Object { $_ -like 'Microsoft.Extensions.Http|*' } | Should -Match '\|Composio$'
        # PowerShell keeps its own Microsoft.Bcl.AsyncInterfaces; ours (a newer build) lives beside it.
        $lines | Where-Object { $_ -like 'Microsoft.Bcl.AsyncInterfaces|*|Composio' } | Should -Not -BeNullOrEmpty
    }

    It 'carries one version: manifest and assembly agree' {
        $dll = Join-Path (Split-Path $ModuleManifest) 'Composio.PowerShell.dll'
        $assemblyVersion = [Reflection.AssemblyName]::GetAssemblyName($dll).Version
        '{0}.{1}.{2}' -f $assemblyVersion.Major, $assemblyVersion.Minor, $assemblyVersion.Build | Should -Be $ModuleVersion
    }
}

Describe 'The built module beside another module''s Microsoft.Extensions.* 8.0' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'UserHome.ps1')
        . (Join-Path $PSScriptRoot 'OlderExtensions.ps1')
        $userHome = New-TestUserHome 'older extensions'
        New-OlderExtensionsModule (Get-UserModulePath $userHome)
        $emulator = Start-ComposioEmulator
    }
    AfterAll {
        if ($emulator) { $emulator | Stop-ComposioEmulator }
        Remove-Item -LiteralPath $userHome -Recurse -Force -ErrorAction SilentlyContinue
    }

    It 'works with the other module imported <When>' -ForEach @(@{ Order = 'OlderFirst'; When = 'first' }, @{ Order = 'OlderAfter'; When = 'after it' }) {
        $result = Invoke-UserPwsh $userHome (Get-OlderExtensionsScript $ModuleManifest $Order) -Environment (Get-EmulatorEnvironment $emulator)
        Assert-OlderExtensionsResult $result.Output
    }
}

Describe 'Connect-Composio' {
    BeforeEach {
        $savedKey = $env:COMPOSIO_API_KEY
        $savedBase = $env:COMPOSIO_BASE_URL
        $env:COMPOSIO_API_KEY = $null
        $env:COMPOSIO_BASE_URL = $null
        Disconnect-Composio
    }
    AfterEach {
        $env:COMPOSIO_API_KEY = $savedKey
        $env:COMPOSIO_BASE_URL = $savedBase
        Disconnect-Composio
    }

    It 'fails with ApiKeyMissing when there is no key at all' {
        { Connect-Composio -ErrorAction Stop } | Should -Throw -ErrorId 'ApiKeyMissing*'
    }

    It 'takes the key from COMPOSIO_API_KEY and the base URI from COMPOSIO_BASE_URL' {
        $env:COMPOSIO_API_KEY = 'ak_from_environment'
        $env:COMPOSIO_BASE_URL = 'http://127.0.0.1:9'
        $info = Connect-Composio -PassThru -SkipCheck
        $info.BaseUri | Should -Be 'http://127.0.0.1:9/'
        $info.ApiVersion | Should -Be 'v3.1'
        $info.ApiKeyHint | Should -Not -Match 'from_environment'
    }

    It 'refuses plain http:// to a non-loopback host unless -AllowInsecureHttp' {
        $key = ConvertTo-SecureString 'ak_secret_value_1' -AsPlainText -Force
        { Connect-Composio -ApiKey $key -BaseUri 'http://composio.example.org' -ErrorAction Stop } | Should -Throw -ErrorId 'InsecureBaseUri*'
        (Connect-Composio -ApiKey $key -BaseUri 'http://composio.example.org' -AllowInsecureHttp -PassThru -SkipCheck).AllowInsecureHttp | Should -BeTrue
    }

    It 'never shows the key in its output or verbose stream' {
        $key = ConvertTo-SecureString 'ak_secret_value_2' -AsPlainText -Force
        $all = Connect-Composio -ApiKey $key -BaseUri 'http://127.0.0.1:9' -PassThru -SkipCheck -Verbose 4>&1 | Out-String
        $all | Should -Not -Match 'secret_value_2'
    }
}

Describe 'Connect-Composio forgives common mistakes' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'AuthConfigFixtures.ps1')
        $emulator = Start-TestEmulator
        $key = ConvertTo-SecureString $emulator.ApiKey -AsPlainText -Force
    }
    AfterAll { Stop-TestEmulator $emulator }
    BeforeEach { Clear-ComposioEmulatorRequest $emulator }

    It 'accepts a base URI ending in <Path>, dropping the path with a Verbose note' -ForEach @(
        @{ Path = '/api/v3.1'; Note = 'ends in the API path /api/v3\.1' }
        @{ Path = '/api/v3/'; Note = 'pass -ApiVersion v3 for v3' }
    ) {
        $connection = Connect-Composio -ApiKey $key -BaseUri "$($emulator.BaseUri)$Path" -PassThru -Verbose 4>&1 |
            Tee-Object -Variable all | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] }
        "$($connection.BaseUri)".TrimEnd('/') | Should -Be $emulator.BaseUri.TrimEnd('/')
        ($all | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message -join "`n" | Should -Match $Note
        Get-ComposioAuthConfig | Out-Null
        # The key check and the listing both reached the real endpoint, not /api/v3.1/api/v3.1/...
        (Get-ApiRequest $emulator).path | Should -Be @('/api/v3.1/auth_configs', '/api/v3.1/auth_configs')
    }

    It 'answers a plain-text -ApiKey with the ways to make a SecureString, never echoing the key' {
        $err = $null
        try { Connect-Composio -ApiKey 'ak_plain_text_key_42' -BaseUri $emulator.BaseUri -ErrorAction Stop } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -BeLike 'ParameterArgumentTransformationError*'
        "$err" | Should -Match 'ConvertTo-SecureString'
        "$err" | Should -Match 'Get-Secret'
        "$err" | Should -Match 'Read-Host -AsSecureString'
        "$err" | Should -Not -Match 'ak_plain_text_key_42'
        Get-ApiRequest $emulator | Should -BeNullOrEmpty
    }

    It 'names -AllowInsecureHttp when refusing plain http to another host' {
        $err = $null
        try { Connect-Composio -ApiKey $key -BaseUri 'http://composio.example.org' -ErrorAction Stop } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -BeLike 'InsecureBaseUri*'
        $err.ErrorDetails.RecommendedAction | Should -Match '-AllowInsecureHttp'
        # As a script's log shows it.
        ($err | Out-String -Width 200) | Should -Match '-AllowInsecureHttp'
    }

    It 'says in plain words that the server did not answer TLS on that port, at once and without a retry' {
        $https = $emulator.BaseUri -replace '^http:', 'https:'
        $err = $null
        $log = try { Connect-Composio -ApiKey $key -BaseUri $https -MaxRetries 2 -Verbose -ErrorAction Stop 4>&1 } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -BeLike 'ComposioTlsFailed*'
        "$err" | Should -Match 'did not answer TLS on that port'
        $err.ErrorDetails.RecommendedAction | Should -Match 'http://'
        ($log | Out-String) | Should -Not -Match 'Retrying'
        Get-ApiRequest $emulator | Should -BeNullOrEmpty
    }
}
