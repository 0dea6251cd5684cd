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

    It 'loads the client and Microsoft.Extensions.* into its own load context, not the default one' {
        $lines = Invoke-FreshPwsh @'
$k = ConvertTo-SecureString 'ak_isolation_test' -AsPlainText -Force
Connect-Composio -ApiKey $k -BaseUri http://127.0.0.1:9 -SkipCheck | Out-Null
[AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -in 'Composio.Client', 'Microsoft.Extensions.Http', 'Microsoft.Bcl.AsyncInterfaces' } |
  ForEach-Object { '{0}|{1}|{2}' -f $_.GetName().Name, $_.GetName().Version, [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($_).Name }
'@
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
