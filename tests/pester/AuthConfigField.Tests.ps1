BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    . (Join-Path $PSScriptRoot 'AuthConfigTestSupport.ps1')
    $emulator = Start-TestEmulator
}
AfterAll { Stop-TestEmulator $emulator }

Describe 'Get-ComposioAuthConfigField' {
    BeforeEach { Reset-ComposioEmulator $emulator }

    It 'lists the required creation fields of Notion OAuth2 (the seed example)' {
        $fields = Get-ComposioAuthConfigField notion OAUTH2 -RequiredOnly
        $fields.Name | Should -Be @('client_id', 'client_secret')
        $fields.Required | Should -Be @($true, $true)
        $fields[0].GetType().FullName | Should -Be 'Composio.AuthConfigField'
        $fields[0].DisplayName | Should -Be 'Client id'
        $fields[1].IsSecret | Should -BeTrue
        $fields[0].IsSecret | Should -BeFalse
    }

    It 'lists required fields first, then optional ones, with their defaults' {
        $fields = Get-ComposioAuthConfigField -Toolkit github
        $fields.Name | Should -Be @('client_id', 'client_secret', 'oauth_redirect_uri', 'scopes')
        ($fields | Where-Object Name -eq 'scopes').Default | Should -Match '^repo,'
    }

    It 'matches toolkit and scheme case-insensitively' {
        (Get-ComposioAuthConfigField -Toolkit NOTION -AuthScheme oauth2).Count | Should -Be 4
    }

    It 'lists connection fields with -For ConnectedAccountInitiation' {
        $fields = Get-ComposioAuthConfigField notion API_KEY -For ConnectedAccountInitiation
        $fields.Name | Should -Be 'generic_api_key'
        $fields.IsSecret | Should -BeTrue
    }

    It 'takes the only scheme of a one-scheme toolkit' {
        (Get-ComposioAuthConfigField outlook -AuthScheme S2S_OAUTH2 -RequiredOnly).Name | Should -Be @('client_id', 'client_secret', 'generic_id')
        Get-ComposioAuthConfigField perplexityai | Should -BeNullOrEmpty
    }

    It 'lists every scheme''s fields with a Scheme column when a toolkit has several and none is given' {
        $fields = @(Get-ComposioAuthConfigField linear -ErrorVariable failures)
        $failures | Should -BeNullOrEmpty
        # API_KEY asks nothing at creation: its key is given when an account connects.
        $fields.AuthScheme | Select-Object -Unique | Should -Be @('OAUTH2', 'CIMD_OAUTH')
        ($fields | Where-Object AuthScheme -eq 'CIMD_OAUTH').Name | Should -Contain 'scopes'
        (Get-ComposioAuthConfigField linear -For ConnectedAccountInitiation).AuthScheme | Should -Be @('API_KEY')
        ($fields | Where-Object AuthScheme -eq 'OAUTH2').Name | Should -Contain 'client_id'
        $table = ($fields | Out-String -Width 80) -split "`r?`n" | Where-Object { $_.Trim() }
        $table[0] | Should -Match '^Scheme\s+Name\s+DisplayName'
        $table | Where-Object { $_ -match '^OAUTH2\s+client_id\b' } | Should -Not -BeNullOrEmpty
        # One scheme with -AuthScheme.
        (Get-ComposioAuthConfigField linear -AuthScheme OAUTH2).AuthScheme | Select-Object -Unique | Should -Be 'OAUTH2'
    }

    It 'names the valid schemes for an unknown one' {
        Get-ComposioAuthConfigField github SAML -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'AuthSchemeNotSupported,*'
        $failures[0].Exception.Message | Should -Match 'Valid schemes: OAUTH2'
    }

    It 'reports an unknown toolkit as ObjectNotFound' {
        Get-ComposioAuthConfigField nosuchtoolkit -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'ToolkitNotFound,*'
        $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failures[0].TargetObject | Should -Be 'nosuchtoolkit'
    }

    It 'suggests similar toolkits for a misspelt one' {
        Get-ComposioAuthConfigField notio -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].Exception.Message | Should -Match 'Did you mean: notion\?'
    }

    It 'takes toolkits from the pipeline by property name (Slug) and goes on after a bad one' {
        $fields = [pscustomobject]@{ Slug = 'nosuchtoolkit' }, [pscustomobject]@{ Slug = 'github' } |
            Get-ComposioAuthConfigField -RequiredOnly -ErrorVariable failures -ErrorAction SilentlyContinue
        $fields.Name | Should -Be @('client_id', 'client_secret')
        $failures | Should -HaveCount 1
    }

    It 'takes an AuthConfig from the pipeline (its Toolkit and AuthScheme)' {
        $config = New-ComposioAuthConfig notion -Type Custom -AuthScheme OAUTH2 -ClientId a -ClientSecret (ConvertTo-Secure b)
        ($config | Get-ComposioAuthConfigField -RequiredOnly).Name | Should -Be @('client_id', 'client_secret')
    }

    It 'takes a toolkit from Get-ComposioToolkit' {
        if (-not (Get-Command Get-ComposioToolkit -ErrorAction SilentlyContinue)) { Set-ItResult -Skipped -Because 'Get-ComposioToolkit is not in this build' ; return }
        (Get-ComposioToolkit notion | Get-ComposioAuthConfigField -AuthScheme OAUTH2 -RequiredOnly).Name | Should -Be @('client_id', 'client_secret')
    }

    It 'binds -Toolkit at position 0 with alias Slug and -AuthScheme at position 1' {
        $parameters = (Get-Command Get-ComposioAuthConfigField).Parameters
        $parameters.Toolkit.Aliases | Should -Contain 'Slug'
        $parameters.Toolkit.ParameterSets.Values[0].Position | Should -Be 0
        $parameters.AuthScheme.ParameterSets.Values[0].Position | Should -Be 1
        $parameters.AuthScheme.ParameterSets.Values[0].ValueFromPipelineByPropertyName | Should -BeTrue
    }

    It 'shows fields in a table by default' {
        $text = Get-ComposioAuthConfigField notion OAUTH2 | Out-String -Width 80
        $text | Should -Match 'Name\s+DisplayName\s+Required\s+IsSecret'
    }
}
