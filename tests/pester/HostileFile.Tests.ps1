# Issue 17, "A file anyone can edit": a desired-state file from a pull request cannot read the
# runner's environment at will, cannot make a parse error quote a secret, cannot make prune
# matching hang, and may come in any encoding Windows PowerShell writes.

BeforeAll {
    . (Join-Path $PSScriptRoot 'DesiredStateSuite.ps1')
    $emulator = Start-TestEmulator

    function Get-SyncFailure([string] $Path, [hashtable] $Extra = @{}) {
        try { Sync-ComposioAuthConfig $Path -Confirm:$false @Extra | Out-Null; $null } catch { $_ }
    }
    function Get-ChangeRequest { @(Get-WireRequest $emulator | Where-Object method -ne 'GET') }
}

AfterAll {
    Stop-TestEmulator $emulator
    $env:GITHUB_TOKEN_I17 = $null; $env:COMPOSIO_SECRET_I17 = $null
}

Describe 'A desired-state file cannot exfiltrate the environment' {
    BeforeEach {
        Reset-ComposioEmulator $emulator
        Clear-ComposioEmulatorRequest $emulator
        $env:GITHUB_TOKEN_I17 = 'ghp_EXFIL_CANARY_8812'
        $env:COMPOSIO_SECRET_I17 = 'allowed-secret-value-1'
    }

    It 'a reference to a variable the caller did not allow is DesiredStateEnvironmentNotAllowed; nothing is sent' {
        $file = New-DesiredFile "@{ AuthConfigs = @( @{ Toolkit = 'notion'; Name = 'x'; Type = 'Custom'; AuthScheme = 'OAUTH2'; Credentials = @{ client_id = 'a'; client_secret = @{ Env = 'GITHUB_TOKEN_I17' } } } ) }"
        $failure = Get-SyncFailure $file
        $failure.FullyQualifiedErrorId | Should -BeLike 'DesiredStateEnvironmentNotAllowed*'
        "$failure" | Should -Match 'GITHUB_TOKEN_I17'
        "$failure" | Should -Not -Match 'EXFIL_CANARY'
        Get-ChangeRequest | Should -BeNullOrEmpty
    }

    It 'the caller may allow it (-AllowEnvironmentVariable, wildcards), and COMPOSIO_SECRET_* is allowed by default' {
        $file = New-DesiredFile "@{ AuthConfigs = @( @{ Toolkit = 'notion'; Name = 'x'; Type = 'Custom'; AuthScheme = 'OAUTH2'; Credentials = @{ client_id = 'a'; client_secret = @{ Env = 'GITHUB_TOKEN_I17' } } }; @{ Toolkit = 'notion'; Name = 'y'; Type = 'Custom'; AuthScheme = 'OAUTH2'; Credentials = @{ client_id = 'b'; client_secret = @{ Env = 'COMPOSIO_SECRET_I17' } } } ) }"
        Sync-ComposioAuthConfig $file -AllowEnvironmentVariable 'GITHUB_*' -Confirm:$false | Out-Null
        $bodies = (Get-CreateRequest $emulator).body_text -join "`n"
        $bodies | Should -Match 'ghp_EXFIL_CANARY_8812'
        $bodies | Should -Match 'allowed-secret-value-1'
    }

    It 'COMPOSIO_API_KEY is never readable, even when allowed' {
        $file = New-DesiredFile "@{ AuthConfigs = @( @{ Toolkit = 'notion'; Name = 'x'; Type = 'Custom'; AuthScheme = 'OAUTH2'; Credentials = @{ client_id = 'a'; client_secret = @{ Env = 'COMPOSIO_API_KEY' } } } ) }"
        $env:COMPOSIO_API_KEY = $emulator.ApiKey
        try { $failure = Get-SyncFailure $file @{ AllowEnvironmentVariable = '*' } } finally { $env:COMPOSIO_API_KEY = $null }
        $failure.FullyQualifiedErrorId | Should -BeLike 'DesiredStateEnvironmentNotAllowed*'
        Get-ChangeRequest | Should -BeNullOrEmpty
    }

    It 'the connection''s own key is refused under any name (DesiredStateApiKeyReferenced); nothing is sent' {
        $env:COMPOSIO_SECRET_I17 = $emulator.ApiKey
        $file = New-DesiredFile "@{ AuthConfigs = @( @{ Toolkit = 'notion'; Name = 'x'; Type = 'Custom'; AuthScheme = 'OAUTH2'; Credentials = @{ client_id = 'a'; client_secret = @{ Env = 'COMPOSIO_SECRET_I17' } } } ) }"
        $failure = Get-SyncFailure $file
        $failure.FullyQualifiedErrorId | Should -BeLike 'DesiredStateApiKeyReferenced*'
        "$failure" | Should -Not -Match ([regex]::Escape($emulator.ApiKey))
        Get-ChangeRequest | Should -BeNullOrEmpty
        $secretFailure = Get-SyncFailure (New-DesiredFile "@{ AuthConfigs = @( @{ Toolkit = 'notion'; Name = 'x'; Type = 'Custom'; AuthScheme = 'OAUTH2'; Credentials = @{ client_id = 'a'; client_secret = @{ Secret = 's' } } } ) }") @{ Secret = @{ s = $emulator.ApiKey } }
        $secretFailure.FullyQualifiedErrorId | Should -BeLike 'DesiredStateApiKeyReferenced*'
        Get-ChangeRequest | Should -BeNullOrEmpty
    }

    It 'a reference fills only secret fields: into client_id it is DesiredStateReferenceNotSecret; nothing is sent' {
        $file = New-DesiredFile "@{ AuthConfigs = @( @{ Toolkit = 'notion'; Name = 'x'; Type = 'Custom'; AuthScheme = 'OAUTH2'; Credentials = @{ client_id = @{ Env = 'COMPOSIO_SECRET_I17' }; client_secret = @{ Env = 'COMPOSIO_SECRET_I17' } } } ) }"
        $failure = Get-SyncFailure $file
        $failure.FullyQualifiedErrorId | Should -BeLike 'DesiredStateReferenceNotSecret*'
        "$failure" | Should -Match "client_id"
        Get-ChangeRequest | Should -BeNullOrEmpty
    }
}

Describe 'Parse errors never quote a secret' {
    It '<Case>' -ForEach @(
        @{ Case = 'a second string after a value'; Ext = 'psd1'; Text = "@{ AuthConfigs = @( @{ Toolkit = 'notion'; Credentials = @{ client_secret = 'a' 'PARSE_CANARY_1x' } } ) }" }
        @{ Case = 'a bare word glued to a string'; Ext = 'psd1'; Text = "@{ AuthConfigs = @( @{ Toolkit = 'notion'; Credentials = @{ client_secret = 'a'PARSE_CANARY_2x } } ) }" }
        @{ Case = 'an unterminated string'; Ext = 'psd1'; Text = "@{ AuthConfigs = @( @{ Toolkit = 'notion'; Credentials = @{ client_secret = 'PARSE_CANARY_3x } } ) }" }
        @{ Case = 'a secret where a key belongs'; Ext = 'psd1'; Text = "@{ AuthConfigs = @( @{ Toolkit = 'notion'; Credentials = @{ client_secret = 'a'; 'PARSE_CANARY_4x' } } ) }" }
        @{ Case = 'JSON: a bare word after a value'; Ext = 'json'; Text = "{ `"AuthConfigs`": [ { `"Toolkit`": `"notion`", `"Credentials`": { `"client_secret`": `"a`" PARSE_CANARY_5x } } ] }" }
        @{ Case = 'JSON: an unquoted value'; Ext = 'json'; Text = "{ `"AuthConfigs`": [ { `"Toolkit`": `"notion`", `"Credentials`": { `"client_secret`": PARSE_CANARY_6x } } ] }" }
    ) {
        $failure = Get-SyncFailure (New-DesiredFile $Text $Ext)
        $failure.FullyQualifiedErrorId | Should -BeLike 'DesiredStateSyntaxError*'
        $text = "$failure" + "$($failure.ErrorDetails)" + $failure.Exception.Message
        $text | Should -Not -Match 'PARSE_CANARY'
        $text | Should -Not -Match "'P'"
    }
}

Describe 'Prune patterns run in linear time' {
    It 'ten wildcards against long names: a -WhatIf plan in seconds' {
        Reset-ComposioEmulator $emulator
        Add-ComposioEmulatorSeed $emulator -Toolkit github -Count 40 -NamePrefix ('a' * 60) | Out-Null
        $file = New-DesiredFile "@{ AuthConfigs = @(); Prune = @{ Toolkits = 'github'; Name = '*a*a*a*a*a*a*a*a*a*a*b' } }"
        $clock = [Diagnostics.Stopwatch]::StartNew()
        $results = @(Sync-ComposioAuthConfig $file -Prune -WhatIf)
        $clock.Elapsed.TotalSeconds | Should -BeLessThan 10
        # Nothing is removed; the 40 configs are listed as Unmanaged (not declared, outside the pattern).
        @($results | Where-Object Action -eq 'Remove') | Should -BeNullOrEmpty
        @($results | Where-Object Action -eq 'Unmanaged').Count | Should -Be 40
        # The pattern still matches what it should, brackets literal.
        $match = New-DesiredFile "@{ AuthConfigs = @(); Prune = @{ Toolkits = 'github'; Name = '*a*a*a*a*a*a*a*a*a*a*1?' } }"
        @(Sync-ComposioAuthConfig $match -Prune -WhatIf | Where-Object Action -eq 'Remove').Count | Should -Be 10
    }
}

Describe 'Encodings: UTF-8 with or without BOM, UTF-16 LE and BE with BOM' {
    It '<Encoding> .<Ext> is read' -ForEach @(
        foreach ($ext in 'psd1', 'json') {
            foreach ($encoding in 'utf8NoBOM', 'utf8BOM', 'unicode', 'bigendianunicode') { @{ Encoding = $encoding; Ext = $ext } }
        }
    ) {
        Reset-ComposioEmulator $emulator
        $text = if ($Ext -eq 'psd1') { "@{ AuthConfigs = @( @{ Toolkit = 'github'; Name = 'encodé-$Encoding' } ) }" }
        else { "{ `"AuthConfigs`": [ { `"Toolkit`": `"github`", `"Name`": `"encodé-$Encoding`" } ] }" }
        $path = Join-Path $TestDrive "enc-$Encoding.$Ext"
        Set-Content -Path $path -Value $text -Encoding $Encoding
        $result = Sync-ComposioAuthConfig $path -WhatIf
        $result.Action | Should -Be 'Create'
        $result.Name | Should -BeExactly "encodé-$Encoding"
    }
}
